package dev.parley.cluster.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.topic.ITopic;
import dev.parley.support.GridMembers;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The relay between two real Hazelcast members: only nodes that share the cluster secret hear each other, and nothing is taken twice. */
@ExtendWith(GridMembers.class)
class TopicRelayTest {
    private static final String SECRET = "k1GkD3bQ0n5Jx2vZp8Ywq4RrT6sUa9Lm+HcE7fNiO0=";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final String stream = "relay-test-" + UUID.randomUUID();

    @Test
    void nodesWithTheSameSecretHearEachOtherAndConfirm() {
        Heard onA = new Heard();
        Heard onB = new Heard();
        try (Relay a = TopicRelay.start(GridMembers.a(), stream, 100, Duration.ofMinutes(1), SECRET, onA);
             Relay b = TopicRelay.start(GridMembers.b(), stream, 100, Duration.ofMinutes(1), SECRET, onB)) {
            a.publish("from a");
            Awaitility.await("b hears a").atMost(WAIT).until(() -> onB.received.contains("from a"));
            assertEquals(List.of(), b.publishAndAwait("from b", WAIT), "a confirmed, through sealed acknowledgements");
            assertTrue(onA.received.contains("from b"));
            assertEquals(List.of(), List.copyOf(onA.refused), "nothing refused");
            assertEquals(List.of(), List.copyOf(onB.refused), "nothing refused");
        }
    }

    @Test
    void aNodeWithAnotherSecretIsRefusedAndTheRefusalReported() {
        Heard onB = new Heard();
        Heard onA = new Heard();
        try (Relay a = TopicRelay.start(GridMembers.a(), stream, 100, Duration.ofMinutes(1), SECRET, onA);
             Relay b = TopicRelay.start(GridMembers.b(), stream, 100, Duration.ofMinutes(1), "another secret, of 32 characters or more", onB)) {
            Awaitility.await("a refuses b's greeting").atMost(WAIT).until(() -> !onA.refused.isEmpty());
            a.publish("from a");
            Awaitility.await("b refuses a's event").atMost(WAIT).until(() -> !onB.refused.isEmpty());
            assertTrue(onB.refused.peek().contains("could not authenticate"), onB.refused.toString());
            assertEquals(List.of(), List.copyOf(onB.received), "nothing read");
            assertEquals(List.of("127.0.0.1"), b.publishAndAwait("from b", Duration.ofMillis(300)).stream().map(m -> m.replaceAll("[\\[\\]]|:\\d+$", "")).toList(),
                    "a never confirms what it could not read");
            assertEquals(List.of(), List.copyOf(onA.received));
        }
    }

    @Test
    void anEventCopiedOffTheWireAndPublishedAgainIsRefused() {
        Heard onB = new Heard();
        Queue<byte[]> wire = new ConcurrentLinkedQueue<>();
        ITopic<byte[]> raw = GridMembers.b().getReliableTopic(stream);
        raw.addMessageListener(m -> wire.add(m.getMessageObject()));
        try (Relay a = TopicRelay.start(GridMembers.a(), stream, 100, Duration.ofMinutes(1), SECRET, new Heard());
             Relay b = TopicRelay.start(GridMembers.b(), stream, 100, Duration.ofMinutes(1), SECRET, onB)) {
            a.publish("once");
            Awaitility.await("b hears a").atMost(WAIT).until(() -> onB.received.contains("once"));
            byte[] copied = wire.stream().reduce((x, y) -> y).orElseThrow();
            GridMembers.a().<byte[]>getReliableTopic(stream).publish(copied);
            Awaitility.await("the copy refused").atMost(WAIT).until(() -> !onB.refused.isEmpty());
            assertTrue(onB.refused.peek().contains("already taken"), onB.refused.toString());
            a.publish("fence");
            Awaitility.await("b hears the next").atMost(WAIT).until(() -> onB.received.contains("fence"));
            assertEquals(List.of("once", "fence"), List.copyOf(onB.received), "the copy was not taken again");
        }
    }

    @Test
    void whatAStrangerPublishesInClearIsRefused() {
        Heard onB = new Heard();
        try (Relay b = TopicRelay.start(GridMembers.b(), stream, 100, Duration.ofMinutes(1), SECRET, onB)) {
            GridMembers.a().<Object>getReliableTopic(stream).publish("a SessionsEnded, in clear");
            GridMembers.a().<Object>getReliableTopic(stream).publish(new byte[] {1, 2, 3});
            Awaitility.await("both refused").atMost(WAIT).until(() -> onB.refused.size() == 2);
            assertEquals(List.of(), List.copyOf(onB.received));
        }
    }

    private static final class Heard implements Relay.Receiver {
        final Queue<Serializable> received = new ConcurrentLinkedQueue<>();
        final Queue<String> refused = new ConcurrentLinkedQueue<>();

        @Override
        public void received(Serializable event) {
            received.add(event);
        }

        @Override
        public void lost(long count) {
        }

        @Override
        public void refused(String what) {
            refused.add(what);
        }
    }
}
