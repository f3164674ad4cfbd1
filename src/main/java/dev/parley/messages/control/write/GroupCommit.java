package dev.parley.messages.control.write;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Group commit across rooms and conversations: posts that arrive while a transaction is under way
 * wait in one line and go into the next transaction together, whatever room or conversation each is
 * for: one transaction, one JDBC batch of inserts, one commit ({@link MessageBatches}). A commit per
 * post would hold a room's row lock through each commit; a batch per room would pay a commit for a few
 * messages in each.
 *
 * <p>No thread of its own. A poster who finds no line stores at once (no added latency when alone)
 * and leads: it takes up to {@link #MAX_BATCH} waiting posts, its own first, and stores them. Then,
 * if more are waiting, it hands the lead to the first of them and returns, so that no poster stores
 * for others for longer than one batch. Whoever stores completes each post's answer only after its
 * transaction has committed (or failed). Within a room or conversation posts are stored in the order
 * they joined the line. What runs while storing (the after-commit observers included) must not post:
 * it would wait for itself.
 */
@ApplicationScoped
class GroupCommit {
    /** A cap on one transaction's size, so that the row locks are never held for long. */
    static final int MAX_BATCH = 200;

    /** Waiting posts; not null exactly while someone is storing. Guarded by this. */
    private ArrayDeque<Pending> line;

    /**
     * Stores {@code post} with whatever else waits, through {@code store}, which completes the answer
     * of every post it is given; returns {@code post}'s answer.
     */
    Posted post(Pending post, Consumer<List<Pending>> store) {
        boolean leads;
        synchronized (this) {
            leads = line == null;
            if (leads) line = new ArrayDeque<>();
            line.add(post);
        }
        if (!leads) {
            try {
                CompletableFuture.anyOf(post.answer(), post.turn()).join();
            } catch (CompletionException failed) {
                // the batch it was in failed: answered below
            }
            if (post.answer().isDone()) return answer(post);
        }
        // Leading: post is first in line, stored by the batch taken now.
        List<Pending> batch = new ArrayList<>();
        synchronized (this) {
            while (batch.size() < MAX_BATCH && !line.isEmpty()) batch.add(line.poll());
        }
        try {
            store.accept(batch);
        } catch (RuntimeException | Error e) {
            batch.forEach(p -> p.answer().completeExceptionally(e)); // no-op for those already answered
        } finally {
            handOver();
        }
        return answer(post);
    }

    private void handOver() {
        Pending next;
        synchronized (this) {
            next = line.peek();
            if (next == null) line = null;
        }
        if (next != null) next.turn().complete(null);
    }

    /** The post's answer, or its failure rethrown. */
    private static Posted answer(Pending post) {
        try {
            return post.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
