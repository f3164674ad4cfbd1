package dev.parley.sessions;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.entity.User;
import dev.parley.errors.Unauthorized;
import dev.parley.sessions.control.Sessions;
import dev.parley.sessions.control.SessionsEnded;
import dev.parley.sessions.entity.EndReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.File;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ending a user's other sessions, inside the deployed WAR on a real Payara Micro (its embedded H2
 * default): the real {@link Accounts}, {@link Sessions}, session cache, transactions and CDI events,
 * no mocks. The methods run in the container; the WAR is the one the build packaged, plus this class.
 */
@ExtendWith(ArquillianExtension.class)
class SessionEndingWiringIT {

    @Deployment
    static WebArchive parleyWithThisTest() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/parley.war"))
                .addClasses(SessionEndingWiringIT.class, EndedSessions.class, TwoSessions.class);
    }

    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    @Inject
    EndedSessions endedSessions;

    @Test
    void endingOtherSessionsEndsEveryOtherLiveSessionAndCountsThem() {
        TwoSessions two = aUserWithTwoSessions();

        assertEquals(1, sessions.endOthers(two.userId(), two.kept()));
    }

    @Test
    void aSessionEndedByAnotherSessionIsNoLongerLive() {
        TwoSessions two = aUserWithTwoSessions();

        sessions.endOthers(two.userId(), two.kept());

        assertThrows(Unauthorized.class, () -> sessions.requireLive(two.other()));
    }

    @Test
    void theSessionThatEndedTheOthersStaysLive() {
        TwoSessions two = aUserWithTwoSessions();

        sessions.endOthers(two.userId(), two.kept());

        assertEquals(two.kept(), assertDoesNotThrow(() -> sessions.requireLive(two.kept())).id());
    }

    @Test
    void endingOtherSessionsFiresOneCommittedEventNamingTheEndedSessionAndWhy() {
        TwoSessions two = aUserWithTwoSessions();

        sessions.endOthers(two.userId(), two.kept());

        // endOthers committed its own transaction before returning, so AFTER_SUCCESS observers have run.
        assertEquals(List.of(new SessionsEnded(List.of(two.other()), EndReason.TERMINATED_BY_OTHER_SESSION)),
                endedSessions.concerning(two.kept(), two.other()));
    }

    private TwoSessions aUserWithTwoSessions() {
        String name = "wiring-" + UUID.randomUUID().toString().substring(0, 18);
        User user = accounts.register(name, "correct horse battery", null, "192.0.2.1"); // a documentation address: no REST test's sign-up budget
        String kept = sessions.open(user, "agent", "127.0.0.1").session().id();
        String other = sessions.open(user, "agent", "127.0.0.1").session().id();
        return new TwoSessions(user.id(), kept, other);
    }

    record TwoSessions(long userId, String kept, String other) {
    }

    /** Every {@link SessionsEnded} this deployment fired, as observers see it once the ending has committed. */
    @ApplicationScoped
    public static class EndedSessions {
        private final List<SessionsEnded> seen = new CopyOnWriteArrayList<>();

        void record(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionsEnded ended) {
            seen.add(ended);
        }

        /** The events naming any of these sessions; other tests' sessions are left out. */
        public List<SessionsEnded> concerning(String... sessionIds) {
            List<String> ids = List.of(sessionIds);
            return seen.stream().filter(e -> e.sessionIds().stream().anyMatch(ids::contains)).toList();
        }
    }
}
