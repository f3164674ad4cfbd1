package dev.parley.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Server;
import dev.parley.support.ServerHeap;
import dev.parley.support.Sock;
import dev.parley.support.StalledSocket;
import dev.parley.support.Users.Guest;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading costs the server a bounded amount of memory: it is cut off at the
 * send-queue bound (64 frames on the test server, pom.xml), and the server's live heap, measured
 * after a full GC, stays flat while it is stalled. Without the bound, Grizzly's write queue held
 * 26 MB after 6,500 messages of 4 KB (docs/history/performance-2026-11.md): this test sends up to that many.
 */
class SlowConsumerIT {
    private static final int MAX_MESSAGES = 6_500;
    private static final int CHUNK = 100;
    /** Live heap may move by this much between two full GCs; an unbounded queue of the messages sent here would be 26 MB. */
    private static final long TOLERANCE = 12L << 20;

    private final Api api = Api.server();

    @Test
    void aClientThatStopsReadingIsCutAtTheBoundAndTheHeapStaysFlatWhileItIsStalled(@Guest("sc_poster") Login poster, @Guest("sc_slow") Login slow,
            @Guest("sc_reader") Login reader) throws Exception {
        String room = api.roomOf(poster, slow, reader);
        String big = "x".repeat(3_900);
        double cutBefore = api.metric("parley_slow_client_disconnects_total");
        long before = ServerHeap.liveBytes(Server.url());
        List<Long> whileStalled = new ArrayList<>();
        int posted = 0;
        try (StalledSocket stalled = StalledSocket.connect(slow.token()); Sock reading = Sock.connect(reader.token())) {
            while (api.metric("parley_slow_client_disconnects_total") <= cutBefore && posted < MAX_MESSAGES) {
                api.postMany(poster, room, big, CHUNK);
                posted += CHUNK;
                whileStalled.add(ServerHeap.liveBytes(Server.url()));
            }
            int sent = posted;
            assertTrue(api.metric("parley_slow_client_disconnects_total") > cutBefore,
                    () -> "the stalled client was not cut off after " + sent + " messages of 4 KB; live heap " + mb(before) + " -> " + mbs(whileStalled));
            stalled.awaitClosedByServer();
            api.postMessage(poster, room, "after the cut");
            JSONObject last;
            do last = reading.awaitJson("message"); while (!"after the cut".equals(last.getString("text")));
        }
        long after = ServerHeap.liveBytes(Server.url());
        long peak = whileStalled.stream().mapToLong(Long::longValue).max().orElse(before);
        System.out.printf("slow consumer: cut off after %d messages of 4 KB (bound 64 frames); live heap %s before, "
                + "%s while stalled (after each 100), %s after%n", posted, mb(before), mbs(whileStalled), mb(after));
        assertTrue(peak - before < TOLERANCE, () -> "live heap grew while the client was stalled: " + mb(before) + " -> " + mbs(whileStalled));
        assertTrue(after - before < TOLERANCE, () -> "live heap did not come back: " + mb(before) + " -> " + mb(after));
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1048576.0);
    }

    private static String mbs(List<Long> bytes) {
        return bytes.stream().map(SlowConsumerIT::mb).toList().toString();
    }

}
