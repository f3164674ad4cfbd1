package dev.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.ClusterNodes;
import dev.parley.support.Sock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node that misses relayed messages still gives its sockets every one, once, in order: the relay's
 * ringbuffer holds one event here, so a burst from the other node overruns it; the node notices the
 * gap in sequence numbers and its sequencer reads the missing messages from the database.
 */
class ClusterRecoveryIT {
    static final int SENDERS = 8;
    static final int EACH = 25;
    @RegisterExtension
    static final ClusterNodes nodes = ClusterNodes.of(Map.of("parley.cluster.relay-capacity", "1"));

    @Test
    void aNodeThatLostRelayedMessagesStillDeliversEveryOneOnceInOrder() {
        Api a = nodes.a().api();
        Api b = nodes.b().api();
        List<Login> senders = IntStream.range(0, SENDERS).mapToObj(i -> a.registerAndLogin("cr_send")).toList();
        Login reader = b.registerAndLogin("cr_read");
        String room = a.roomOf(senders.get(0), senders.subList(1, SENDERS).toArray(Login[]::new));
        b.join(reader, room);
        double lostBefore = b.metric("parley_cluster_relay_lost_total");
        List<Sock> sockets = senders.stream().map(s -> a.connect(s)).toList();
        try (Sock onB = b.connect(reader)) {
            // Over sockets, all at once: the posts commit in batches, each publishing its events back to back.
            ExecutorService threads = Executors.newFixedThreadPool(SENDERS);
            List<CompletableFuture<List<Long>>> posting = sockets.stream().map(s -> CompletableFuture.supplyAsync(() ->
                    IntStream.range(0, EACH).mapToObj(i -> Sock.ok(s.ack("message", Sock.say(room, "burst" + i)))
                            .getJSONObject("message").getLong("id")).toList(), threads)).toList();
            List<Long> sent = new ArrayList<>();
            posting.forEach(p -> sent.addAll(p.join()));
            threads.shutdown();
            Collections.sort(sent);
            List<Long> got = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) got.add(onB.awaitJson("message").getLong("id"));
            assertEquals(sent, got, "every message once, in id order");
            double lost = b.metric("parley_cluster_relay_lost_total") - lostBefore;
            System.out.printf("cluster recovery: %d messages, %.0f relayed events lost on the reading node and caught up%n", sent.size(), lost);
            assertTrue(lost > 0, "the burst overran the one-event relay buffer (else this test proved nothing)");
            long fence = a.postMessage(senders.get(0), room, "fence");
            assertEquals(fence, onB.awaitJson("message").getLong("id"), "no copy of any after the last");
        } finally {
            sockets.forEach(Sock::close);
        }
    }
}
