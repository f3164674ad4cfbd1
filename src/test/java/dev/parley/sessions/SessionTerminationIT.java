package dev.parley.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import io.socket.client.Socket;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** Every way of ending a session cuts off each of its sockets, over both transports, and the token cannot connect again. */
class SessionTerminationIT {
    private final Api api = Api.server();

    @Test
    void logoutCutsOffTheSessionsSockets(@Registered("t_logout") Login me) {
        List<Sock> sockets = connectTwice(me);
        api.post("/api/auth/logout", me.token(), null);
        assertCutOff(sockets, "logout");
        assertCannotConnect(me);
    }

    @Test
    void logoutAllCutsOffEverySessionsSockets(@Registered("t_all") Login a) {
        Login b = api.login(a.username());
        List<Sock> sockets = List.of(Sock.connect(a.token()), Sock.connect(b.token(), "polling"));
        api.post("/api/auth/logout-all", a.token(), null);
        assertCutOff(sockets, "logout_all");
        assertCannotConnect(a);
        assertCannotConnect(b);
    }

    @Test
    void deletingASessionCutsOffItsSocketsAndNoOthers(@Registered("t_del") Login doomed) {
        Login survivor = api.login(doomed.username());
        List<Sock> doomedSockets = connectTwice(doomed);
        try (Sock kept = Sock.connect(survivor.token())) {
            api.delete("/api/sessions/" + doomed.sessionId(), survivor.token());
            assertCutOff(doomedSockets, "revoked");
            assertEquals("pong", kept.ack("message", new JSONObject().put("text", "pong")).getJSONObject("message").getString("text"));
        }
        assertCannotConnect(doomed);
    }

    @Test
    void terminatingOthersOverRestCutsOffTheOtherSessions(@Registered("t_others") Login keep) {
        Login other = api.login(keep.username());
        List<Sock> others = connectTwice(other);
        try (Sock mine = Sock.connect(keep.token())) {
            api.post("/api/sessions/terminate-others", keep.token(), null);
            assertCutOff(others, "terminated_by_other_session");
            assertTrue(mine.ack("message", "still here").getBoolean("ok"));
        }
        assertCannotConnect(other);
    }

    @Test
    void logoutAllOverSocketAcksThenCutsOffEverySocketIncludingItsOwn(@Registered("t_sall") Login a) {
        Login b = api.login(a.username());
        Sock asking = Sock.connect(a.token(), "polling");
        List<Sock> everyOther = List.of(Sock.connect(a.token()), Sock.connect(b.token()));
        JSONObject ack = asking.ack("logout_all");
        assertTrue(ack.getBoolean("ok"));
        assertEquals(2, ack.getInt("terminated"));
        assertCutOff(List.of(asking), "logout_all");
        assertCutOff(everyOther, "logout_all");
        assertCannotConnect(a);
    }

    @Test
    void terminateOtherSessionsOverSocketSparesTheAskingSession(@Registered("t_sothers") Login keep) {
        Login other = api.login(keep.username());
        List<Sock> others = connectTwice(other);
        try (Sock asking = Sock.connect(keep.token()); Sock sameSession = Sock.connect(keep.token(), "polling")) {
            JSONObject ack = asking.ack("terminate_other_sessions");
            assertEquals(1, ack.getInt("terminated"));
            assertCutOff(others, "terminated_by_other_session");
            assertTrue(sameSession.ack("message", "still here").getBoolean("ok"));
            assertTrue(asking.connected());
        }
    }

    private static List<Sock> connectTwice(Login login) {
        return List.of(Sock.connect(login.token()), Sock.connect(login.token(), "polling"));
    }

    /** Each socket gets {@code session_terminated} with the reason, and then is disconnected. */
    private static void assertCutOff(List<Sock> sockets, String reason) {
        for (Sock sock : sockets) {
            assertEquals(reason, sock.awaitJson("session_terminated").getString("reason"));
            sock.await(Socket.EVENT_DISCONNECT);
            sock.close();
        }
    }

    private static void assertCannotConnect(Login login) {
        try (Sock again = Sock.open(Sock.options(login.token()))) {
            assertEquals("unauthorized", again.awaitConnectError());
        }
    }
}
