package dev.parley.realtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One socket's events run one at a time and in order, on a pool shared with other sockets. */
class InOrderTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void tasksRunInTheOrderGivenNeverTwoAtOnce() throws InterruptedException {
        InOrder socket = new InOrder(pool);
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(10_000);
        for (int i = 0; i < 10_000; i++) {
            int n = i;
            socket.run(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                ran.add(n);
                running.decrementAndGet();
                done.countDown();
            });
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(1, mostAtOnce.get());
        for (int i = 0; i < ran.size(); i++) assertEquals(i, ran.get(i));
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesAfterIt() throws InterruptedException {
        InOrder socket = new InOrder(pool);
        CountDownLatch after = new CountDownLatch(1);
        socket.run(() -> {
            throw new IllegalStateException("a handler's bug");
        });
        socket.run(after::countDown);
        assertTrue(after.await(10, TimeUnit.SECONDS));
    }

    @Test
    void differentSocketsRunSideBySide() throws InterruptedException {
        InOrder first = new InOrder(pool);
        InOrder second = new InOrder(pool);
        CountDownLatch bothInside = new CountDownLatch(2);
        CountDownLatch finished = new CountDownLatch(2);
        Runnable meet = () -> {
            bothInside.countDown();
            try {
                if (bothInside.await(10, TimeUnit.SECONDS)) finished.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        first.run(meet);
        second.run(meet);
        assertTrue(finished.await(15, TimeUnit.SECONDS), "one socket's task must not wait for another socket's");
    }
}
