package dev.parley.messages.control;

import dev.parley.accounts.control.AccountRenamed;
import dev.parley.rooms.control.RoomListings;
import dev.parley.rooms.entity.Room;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Who hears of a new display name: whoever shares a room with the user other than {@code feed}
 * (where everyone is, so it would be everyone), or a direct conversation, and the user's own other
 * pages. Decided in the renaming transaction, so that the rooms and people are those of that moment.
 */
@ApplicationScoped
public class NameAnnouncer {
    @PersistenceContext
    EntityManager em;

    @Inject
    RoomListings rooms;

    @Inject
    Event<NameChanged> changed;

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    void renamed(@Observes AccountRenamed renamed) {
        List<String> shared = rooms.namesOf(renamed.userId()).stream().filter(name -> !Room.FEED.equals(name)).sorted().toList();
        List<Long> people = ((List<Number>) em.createNativeQuery("SELECT CASE WHEN user_low = ?1 THEN user_high ELSE user_low END"
                        + " FROM conversations WHERE user_low = ?1 OR user_high = ?1")
                .setParameter(1, renamed.userId()).getResultList()).stream().map(Number::longValue).toList();
        changed.fire(new NameChanged(renamed.userId(), renamed.username(), renamed.displayName(), shared, people));
    }
}
