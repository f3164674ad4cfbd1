package dev.parley.realtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Sock;
import dev.parley.support.StalledSocket;
import dev.parley.support.Users.Registered;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** Broadcasts: encoded once, queued on every socket of every transport, and a slow client cannot hold them up. */
class FanOutIT {
    private static final int BURST = 60;
    private final Api api = Api.server();

    @Test
    void aBurstReachesEveryTransportWholeAndInOrder(@Registered("fo_poster") Login poster, @Registered("fo_reader") Login reader) {
        String room = api.roomOf(poster, reader);
        try (Sock webSocket = Sock.connect(reader.token());
             Sock polling = Sock.connect(reader.token(), "polling");
             Sock upgraded = Sock.connect(reader.token(), "polling", "websocket")) {
            List<Long> posted = api.postMany(poster, room, "burst", BURST);
            for (Sock sock : List.of(webSocket, polling, upgraded)) {
                assertEquals(posted, receivedIds(sock, BURST));
                assertTrue(sock.noMore("message"), "nothing twice");
            }
        }
    }

    @Test
    void aClientThatStopsReadingIsCutOffAndTheOthersGetEveryMessage(@Registered("fo_flood") Login poster, @Registered("fo_slow") Login slow,
            @Registered("fo_fast") Login reader) throws Exception {
        String room = api.roomOf(poster, slow, reader);
        String big = "x".repeat(3_900);
        double cutOffBefore = api.metric("parley_slow_client_disconnects_total");
        try (StalledSocket stalled = StalledSocket.connect(slow.token()); Sock reading = Sock.connect(reader.token())) {
            List<Long> posted = new ArrayList<>();
            // The IT server's queue bound is 64 frames (pom.xml); the kernel's and the container's buffers fill first.
            await("the stalled client cut off").atMost(Duration.ofSeconds(150)).pollInterval(Duration.ZERO).until(() -> {
                posted.addAll(api.postMany(poster, room, big, 50));
                return api.metric("parley_slow_client_disconnects_total") > cutOffBefore;
            });
            stalled.awaitClosedByServer(); // what was sent before the cut, then the end of the stream
            assertEquals(posted, receivedIds(reading, posted.size()));
        }
    }

    private static List<Long> receivedIds(Sock sock, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JSONObject message = sock.awaitJson("message");
            ids.add(message.getLong("id"));
        }
        return ids;
    }

}
