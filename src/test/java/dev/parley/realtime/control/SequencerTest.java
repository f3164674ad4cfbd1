package dev.parley.realtime.control;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.messages.control.MessagePosted;
import dev.parley.messages.entity.MessageView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SequencerTest {
    private static final long ROOM = 7;
    private static final Duration HOLD = Duration.ofMillis(50);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<Long> delivered = new CopyOnWriteArrayList<>();
    /** The "database": every committed message of the room, by id. */
    private final Map<Long, MessagePosted> committed = new ConcurrentHashMap<>();
    private final List<String> reads = new CopyOnWriteArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private Sequencer sequencer = sequencer(100);

    private Sequencer sequencer(long floor) {
        return new Sequencer(p -> delivered.add(p.message().id()), this::backlog, timer, HOLD, Duration.ofMinutes(5), floor, now::get);
    }

    private List<MessagePosted> backlog(long chain, long after, long upTo, int limit) {
        reads.add(after + ".." + upTo);
        List<MessagePosted> page = new ArrayList<>(new TreeMap<>(committed).subMap(after, false, upTo, true).values());
        return page.subList(0, Math.min(limit, page.size()));
    }

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    /** Commits ids in the room's chain order and returns their events. */
    private List<MessagePosted> commit(long previous, long... ids) {
        List<MessagePosted> events = new ArrayList<>();
        for (long id : ids) {
            MessageView view = new MessageView(id, "r", null, "alice", "Alice", "m" + id, Instant.EPOCH, null, null, null, false, List.of(), List.of(), List.of(), null);
            MessagePosted p = new MessagePosted(view, 1, ROOM, null, null, List.of(), previous, null);
            committed.put(id, p);
            events.add(p);
            previous = id;
        }
        return events;
    }

    @Test
    void messagesInOrderAreDeliveredAtOnce() {
        commit(90, 101, 105, 106).forEach(sequencer::offer);
        assertEquals(List.of(101L, 105L, 106L), delivered);
        assertEquals(List.of(), reads);
    }

    @Test
    void aMessageAheadOfItsPredecessorWaitsForIt() {
        List<MessagePosted> e = commit(100, 101, 102, 103);
        sequencer.offer(e.get(2));
        sequencer.offer(e.get(1));
        assertEquals(List.of(), delivered);
        sequencer.offer(e.get(0));
        assertEquals(List.of(101L, 102L, 103L), delivered);
        assertEquals(List.of(), reads, "nothing read from the database when everything arrived in time");
    }

    @Test
    void duplicatesAreDropped() {
        List<MessagePosted> e = commit(100, 101, 102);
        e.forEach(sequencer::offer);
        e.forEach(sequencer::offer);
        assertEquals(List.of(101L, 102L), delivered);
    }

    @Test
    void missingPredecessorsAreReadFromTheDatabaseThenTheHeldOnesFollowAndLateCopiesAreDropped() {
        List<MessagePosted> e = commit(100, 101, 102, 103, 104);
        sequencer.offer(e.get(3));
        sequencer.offer(e.get(2));
        await().atMost(Duration.ofSeconds(2)).until(() -> delivered.size() == 4);
        assertEquals(List.of(101L, 102L, 103L, 104L), delivered);
        assertEquals(List.of("100..102"), reads);
        sequencer.offer(e.get(0));
        sequencer.offer(e.get(1));
        assertEquals(4, delivered.size());
    }

    @Test
    void aChainNotSeenBeforeStartsAtTheFloor() {
        List<MessagePosted> old = commit(0, 50, 60);
        sequencer.offer(old.get(1));
        assertEquals(List.of(), delivered, "from before the node started: already history");
        sequencer.offer(commit(60, 120).get(0));
        assertEquals(List.of(120L), delivered, "the first after the floor: delivered at once");
        assertEquals(List.of(), reads);
    }

    @Test
    void aNewChainWhosePredecessorIsAfterTheFloorReadsOnlyFromTheFloor() {
        List<MessagePosted> e = commit(0, 110, 111);
        sequencer.offer(e.get(1));
        await().atMost(Duration.ofSeconds(2)).until(() -> delivered.size() == 2);
        assertEquals(List.of(110L, 111L), delivered);
        assertEquals(List.of("100..110"), reads);
    }

    @Test
    void afterALossEveryChainReadsWhatItMissed() {
        List<MessagePosted> e = commit(100, 101, 102, 103);
        sequencer.offer(e.get(0));
        sequencer.catchUpAll();
        assertEquals(List.of(101L, 102L, 103L), delivered);
        sequencer.offer(e.get(2));
        assertEquals(3, delivered.size());
    }

    @Test
    void idleChainsAreForgottenAndANewOneStartsWhereTheFloorWasRaised() {
        List<MessagePosted> e = commit(100, 101, 102);
        e.forEach(sequencer::offer);
        now.addAndGet(Duration.ofMinutes(6).toNanos());
        sequencer.prune(); // the floor takes the newest id delivered at the last prune (the start's)
        assertEquals(1, sequencer.chains(), "delivered since the floor: kept");
        now.addAndGet(Duration.ofMinutes(6).toNanos());
        sequencer.prune();
        assertEquals(0, sequencer.chains());
        sequencer.offer(commit(102, 110).get(0));
        assertEquals(List.of(101L, 102L, 110L), delivered);
    }
}
