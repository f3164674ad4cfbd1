package dev.parley.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Sock;
import dev.parley.support.Users.Registered;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A socket the server disconnects (its session ended) is forgotten everywhere once its connection
 * closes: it gives back its place under the user's socket cap ({@code parley.socket.max-per-user},
 * 20 on the test server), which a WebSocket cut off while the library took the connection's close
 * listeners off kept for good.
 */
class ServerDisconnectIT {
    private static final int CAP = 20;
    private final Api api = Api.server();

    @Test
    void socketsCutOffByTheServerGiveTheirPlaceUnderTheCapBack(@Registered("sd_cap") Login me) {
        for (int i = 0; i < 3; i++) {
            Login session = api.login(me.username());
            Sock cut = api.connect(session);
            assertEquals(204, api.post("/api/auth/logout", session.token(), null).status());
            cut.awaitTerminated("logout");
        }
        List<Sock> full = new ArrayList<>();
        try {
            for (int i = 0; i < CAP; i++) full.add(Sock.open(Sock.options(me.token(), "websocket")));
            List<String> outcomes = full.stream().map(Sock::awaitOutcome).toList();
            assertEquals(CAP, outcomes.stream().filter("ready"::equals).count(), () -> "the user's " + CAP + " sockets: " + outcomes);
        } finally {
            full.forEach(Sock::close);
        }
    }
}
