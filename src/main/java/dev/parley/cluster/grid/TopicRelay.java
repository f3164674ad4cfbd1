package dev.parley.cluster.grid;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.ReliableTopicConfig;
import com.hazelcast.config.RingbufferConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.ReliableMessageListener;
import com.hazelcast.topic.TopicOverloadPolicy;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * {@link Relay} on a Hazelcast reliable topic: a ringbuffer, so each reader sees every node's events in
 * the order that node published them, with a sequence number each; not Payara's clustered CDI events,
 * which hand each event to a thread pool (order lost) and swallow send failures.
 *
 * <p>The ringbuffer discards its oldest entry when full ({@code DISCARD_OLDEST}): a publisher never
 * blocks on a slow reader, and a reader that falls that far behind sees the jump in sequence numbers
 * and is told ({@link Receiver#lost}), never silently. Acknowledgements (for {@link #publishAndAwait})
 * travel on a plain topic of their own.
 *
 * <p>Envelope: kind (1 byte), origin node (16 bytes), serial (8), then the event ({@link Wire}); the whole
 * sealed with the cluster's secret ({@link Seal}), acknowledgements too. What does not open with it, and an
 * event taken before ({@link Replays}), is dropped and reported ({@link Receiver#refused}). Each node
 * announces itself once when it starts ({@code HELLO}), so that a node with another secret is refused,
 * and says so, as soon as it joins rather than at the first event.
 */
final class TopicRelay implements Relay, ReliableMessageListener<byte[]> {
    private static final Logger LOG = Logger.getLogger(TopicRelay.class.getName());
    private static final byte EVENT = 0;
    private static final byte EVENT_AWAITED = 1;
    private static final byte HELLO = 2;
    private static final int HEADER = 1 + 16 + 8;
    /**
     * Hazelcast's name for the ringbuffer behind a reliable topic ({@code RingbufferService.TOPIC_RB_PREFIX});
     * its configuration goes by the topic's own name, without the prefix (measured on 5.3.8: a config
     * under the prefixed name is kept but never applied).
     */
    private static final String RINGBUFFER_PREFIX = "_hz_rb_";

    private final HazelcastInstance hz;
    private final ITopic<byte[]> events;
    private final ITopic<byte[]> acks;
    private final Receiver receiver;
    private final Seal seal;
    private final Replays replays = new Replays();
    private final UUID self;
    private final AtomicLong serials = new AtomicLong();
    private final Map<Long, Set<UUID>> awaited = new ConcurrentHashMap<>();
    private final UUID eventsListener;
    private final UUID acksListener;
    /** The last sequence number read from the topic, -1 before the first. */
    private volatile long lastSequence = -1;

    private TopicRelay(HazelcastInstance hz, String name, Seal seal, Receiver receiver) {
        this.hz = hz;
        this.seal = seal;
        this.receiver = receiver;
        this.self = hz.getCluster().getLocalMember().getUuid();
        this.events = hz.getReliableTopic(name);
        this.acks = hz.getTopic(name + "-acks");
        this.acksListener = acks.addMessageListener(this::acknowledged);
        this.eventsListener = events.addMessageListener(this);
    }

    /**
     * Subscribes to the topic {@code name}, first configuring it (the same on every node, or the
     * first node's settings stand and this one says so): a ringbuffer of {@code capacity} events kept
     * at most {@code ttl}, with one backup. Everything it carries is sealed with {@code secret}.
     */
    static Relay start(Object instance, String name, int capacity, Duration ttl, String secret, Receiver receiver) {
        HazelcastInstance hz = (HazelcastInstance) instance;
        try {
            hz.getConfig().addRingBufferConfig(new RingbufferConfig(name)
                    .setCapacity(capacity).setTimeToLiveSeconds((int) ttl.toSeconds()).setBackupCount(1));
            hz.getConfig().addReliableTopicConfig(new ReliableTopicConfig(name)
                    .setTopicOverloadPolicy(TopicOverloadPolicy.DISCARD_OLDEST).setReadBatchSize(Math.min(100, capacity))); // at most the capacity, or every read fails
        } catch (InvalidConfigurationException e) {
            LOG.warning("Cluster: the relay's settings differ from another node's; that node's apply (" + e.getMessage() + ")");
        }
        TopicRelay relay = new TopicRelay(hz, name, new Seal(secret), receiver);
        relay.events.publish(relay.envelope(HELLO, relay.serials.incrementAndGet(), null));
        LOG.info(() -> "Cluster: relaying events on " + name + ", a ringbuffer of " + hz.getRingbuffer(RINGBUFFER_PREFIX + name).capacity()
                + " events");
        return relay;
    }

    @Override
    public void publish(Serializable event) {
        events.publish(envelope(EVENT, serials.incrementAndGet(), event));
    }

    @Override
    public List<String> publishAndAwait(Serializable event, Duration wait) {
        long serial = serials.incrementAndGet();
        Set<UUID> waiting = ConcurrentHashMap.newKeySet();
        for (Member m : hz.getCluster().getMembers()) if (!m.getUuid().equals(self)) waiting.add(m.getUuid());
        if (waiting.isEmpty()) {
            events.publish(envelope(EVENT, serial, event));
            return List.of();
        }
        awaited.put(serial, waiting);
        try {
            events.publish(envelope(EVENT_AWAITED, serial, event));
            long deadline = System.nanoTime() + wait.toNanos();
            synchronized (waiting) {
                while (!waiting.isEmpty()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) break;
                    // A member that left will never answer: stop waiting for it.
                    Set<UUID> current = hz.getCluster().getMembers().stream().map(Member::getUuid).collect(Collectors.toSet());
                    waiting.retainAll(current);
                    if (waiting.isEmpty()) break;
                    waiting.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 50)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            awaited.remove(serial);
        }
        return hz.getCluster().getMembers().stream().filter(m -> waiting.contains(m.getUuid()))
                .map(m -> m.getAddress().toString()).toList();
    }

    @Override
    public int members() {
        return hz.getCluster().getMembers().size();
    }

    @Override
    public void close() {
        try {
            events.removeMessageListener(eventsListener);
            acks.removeMessageListener(acksListener);
        } catch (RuntimeException e) {
            // The instance is shutting down with the server: nothing left to unsubscribe from.
        }
    }

    @Override
    public void onMessage(Message<byte[]> message) {
        Member publisher = message.getPublishingMember();
        if (publisher != null && publisher.localMember()) return; // this node's own, not opened
        byte[] plain = open(Seal.EVENTS, message);
        if (plain == null) return;
        ByteBuffer in = ByteBuffer.wrap(plain);
        byte kind = in.get();
        UUID origin = new UUID(in.getLong(), in.getLong());
        long serial = in.getLong();
        if (origin.equals(self)) return;
        if (!replays.first(origin, serial)) {
            refused(publisher, "an event it had already taken", "a copy published again");
            return;
        }
        if (kind == HELLO) return;
        try {
            receiver.received(Wire.decode(plain, HEADER, plain.length - HEADER));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Cluster: an event from another node failed here", e);
        }
        if (kind == EVENT_AWAITED) {
            acks.publish(seal.seal(Seal.ACKS, ByteBuffer.allocate(40).putLong(origin.getMostSignificantBits()).putLong(origin.getLeastSignificantBits())
                    .putLong(serial).putLong(self.getMostSignificantBits()).putLong(self.getLeastSignificantBits()).array()));
        }
    }

    private void acknowledged(Message<byte[]> message) {
        Member publisher = message.getPublishingMember();
        if (publisher != null && publisher.localMember()) return;
        byte[] plain = open(Seal.ACKS, message);
        if (plain == null) return;
        ByteBuffer in = ByteBuffer.wrap(plain);
        UUID origin = new UUID(in.getLong(), in.getLong());
        if (!origin.equals(self)) return;
        Set<UUID> waiting = awaited.get(in.getLong());
        if (waiting == null) return;
        UUID by = new UUID(in.getLong(), in.getLong());
        synchronized (waiting) {
            waiting.remove(by);
            if (waiting.isEmpty()) waiting.notifyAll();
        }
    }

    private byte[] envelope(byte kind, long serial, Serializable event) {
        byte[] body = event == null ? new byte[0] : Wire.encode(event);
        return seal.seal(Seal.EVENTS, ByteBuffer.allocate(HEADER + body.length).put(kind)
                .putLong(self.getMostSignificantBits()).putLong(self.getLeastSignificantBits())
                .putLong(serial).put(body).array());
    }

    /** The message's contents, or null when they do not open with this node's secret (reported). */
    private byte[] open(byte stream, Message<byte[]> message) {
        try {
            // Typed byte[] by erasure only: a stranger may publish anything here.
            if (!(((Message<?>) message).getMessageObject() instanceof byte[] sealed)) throw new javax.crypto.AEADBadTagException("not bytes");
            return seal.open(stream, sealed);
        } catch (javax.crypto.AEADBadTagException e) {
            refused(message.getPublishingMember(), "an event it could not authenticate",
                    "a node with another parley.cluster.secret, or a stranger on the cluster network");
            return null;
        }
    }

    private void refused(Member publisher, String what, String likely) {
        try {
            receiver.refused(what + " from " + (publisher == null ? "an unknown member" : publisher.getAddress()) + " (" + likely + ")");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Cluster: reporting a refused event failed", e);
        }
    }

    // ReliableMessageListener: start at the tail, notice gaps, never stop on a loss or an error.

    @Override
    public long retrieveInitialSequence() {
        return -1;
    }

    @Override
    public void storeSequence(long sequence) {
        long last = lastSequence;
        lastSequence = sequence;
        if (last >= 0 && sequence > last + 1) {
            long lost = sequence - last - 1;
            LOG.warning(() -> "Cluster: " + lost + " relayed event(s) lost before this node read them; catching up from the database");
            try {
                receiver.lost(lost);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Cluster: catching up after a loss failed", e);
            }
        }
    }

    @Override
    public boolean isLossTolerant() {
        return true;
    }

    @Override
    public boolean isTerminal(Throwable failure) {
        return false;
    }
}
