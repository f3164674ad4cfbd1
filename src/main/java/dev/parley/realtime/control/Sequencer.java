package dev.parley.realtime.control;

import dev.parley.messages.control.MessagePosted;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands this node's sockets each room's and conversation's messages once each, in their order, whichever
 * way they arrive: committed here, relayed from another node, or read again from the database. Each
 * message names the one before it in its chain ({@link MessagePosted#previousId}, exact: read under the
 * row's lock), and each chain keeps the last id delivered here:
 * <ul>
 * <li>a message whose predecessor is that last one is delivered at once, then any held successors;</li>
 * <li>one at or below it is a duplicate, dropped;</li>
 * <li>one further on is held. If its predecessors have not arrived within {@code hold}, they are
 * committed (the row lock orders commits) but late or lost on the way: they are read from the
 * database ({@link Backlog}) and delivered, then the held ones; late copies are then duplicates.</li>
 * </ul>
 * A chain not seen before starts at a floor: the newest id when the node started, raised every
 * {@code idle} period to the newest id delivered one period earlier, so a new chain never waits for
 * nor fetches history from before then. Chains idle a whole period are forgotten. On a node alone
 * the same rule puts two posts racing to their observers back in order, at the cost of one map
 * lookup and one uncontended lock per message.
 */
final class Sequencer {
    private static final Logger LOG = Logger.getLogger(Sequencer.class.getName());
    static final int BACKLOG_PAGE = 500;

    /** The database's copy of a chain's committed messages (messages/control/Backlog). */
    interface Backlog {
        List<MessagePosted> after(long chain, long after, long upTo, int limit);
    }

    private final Consumer<MessagePosted> deliver;
    private final Backlog backlog;
    private final ScheduledExecutorService timer;
    private final long holdNanos;
    private final long idleNanos;
    private final LongSupplier clock;
    private final Map<Long, Chain> chains = new ConcurrentHashMap<>();
    private final AtomicLong highest = new AtomicLong();
    private volatile long floor;
    private volatile long highestAtLastPrune;

    /** What one chain has delivered here, and what waits for its predecessors. */
    private static final class Chain {
        final long key;
        long last;
        long touched;
        final TreeMap<Long, MessagePosted> held = new TreeMap<>(); // by id
        ScheduledFuture<?> catchUp;

        Chain(long key, long last) {
            this.key = key;
            this.last = last;
        }
    }

    /** {@code clock}: nanoseconds, as {@link System#nanoTime}; {@code idle}: the period {@link #prune} is called at. */
    Sequencer(Consumer<MessagePosted> deliver, Backlog backlog, ScheduledExecutorService timer, Duration hold, Duration idle,
              long floor, LongSupplier clock) {
        this.idleNanos = idle.toNanos();
        this.deliver = deliver;
        this.backlog = backlog;
        this.timer = timer;
        this.holdNanos = hold.toNanos();
        this.floor = floor;
        this.highestAtLastPrune = floor;
        this.highest.set(floor);
        this.clock = clock;
    }

    void offer(MessagePosted posted) {
        long key = posted.chain();
        // No floor (the database was out of reach at startup): a new chain starts where its first message says.
        Chain chain = chains.computeIfAbsent(key, k -> new Chain(k, floor >= 0 ? floor : posted.previousId()));
        synchronized (chain) {
            chain.touched = clock.getAsLong();
            long id = posted.message().id();
            if (id <= chain.last) return;
            if (posted.previousId() <= chain.last) {
                deliverInOrder(chain, posted);
                return;
            }
            chain.held.put(id, posted);
            awaitPredecessors(chain);
        }
    }

    /** After messages were lost on the way: every chain reads what it missed from the database. */
    void catchUpAll() {
        chains.values().forEach(chain -> catchUp(chain, true));
    }

    /** Forgets chains idle since the last call, and raises the floor for new ones to where it stood then. */
    void prune() {
        long idleSince = clock.getAsLong() - idleNanos;
        floor = highestAtLastPrune;
        highestAtLastPrune = highest.get();
        chains.values().removeIf(chain -> {
            synchronized (chain) {
                return chain.held.isEmpty() && chain.touched < idleSince && chain.last <= floor;
            }
        });
    }

    int chains() {
        return chains.size();
    }

    private void awaitPredecessors(Chain chain) {
        if (chain.catchUp == null) chain.catchUp = timer.schedule(() -> catchUp(chain, false), holdNanos, TimeUnit.NANOSECONDS);
    }

    private void catchUp(Chain chain, boolean all) {
        synchronized (chain) {
            chain.catchUp = null;
            if (!all && chain.held.isEmpty()) return;
            long upTo = all ? Long.MAX_VALUE : chain.held.firstEntry().getValue().previousId();
            try {
                while (chain.last < upTo) {
                    List<MessagePosted> page = backlog.after(chain.key, chain.last, upTo, BACKLOG_PAGE);
                    for (MessagePosted missed : page) deliverOne(chain, missed);
                    if (page.size() < BACKLOG_PAGE) break;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not read missed messages from the database; trying again", e);
                chain.catchUp = timer.schedule(() -> catchUp(chain, all), holdNanos, TimeUnit.NANOSECONDS);
                return;
            }
            if (!all && chain.last < upTo) chain.last = upTo; // the predecessors are gone (deleted with their room or account)
            drain(chain);
        }
    }

    private void deliverInOrder(Chain chain, MessagePosted posted) {
        deliverOne(chain, posted);
        drain(chain);
    }

    /** Delivers the held messages that now follow on, drops those now delivered, and waits again for the rest. */
    private void drain(Chain chain) {
        while (!chain.held.isEmpty()) {
            Map.Entry<Long, MessagePosted> first = chain.held.firstEntry();
            if (first.getKey() <= chain.last) {
                chain.held.pollFirstEntry();
            } else if (first.getValue().previousId() <= chain.last) {
                chain.held.pollFirstEntry();
                deliverOne(chain, first.getValue());
            } else {
                break;
            }
        }
        if (!chain.held.isEmpty()) {
            awaitPredecessors(chain);
        } else if (chain.catchUp != null) {
            chain.catchUp.cancel(false);
            chain.catchUp = null;
        }
    }

    private void deliverOne(Chain chain, MessagePosted posted) {
        try {
            deliver.accept(posted);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Delivering a message failed", e);
        }
        chain.last = posted.message().id();
        highest.accumulateAndGet(chain.last, Math::max);
    }
}
