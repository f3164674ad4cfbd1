package dev.parley.bench;

import dev.parley.support.Sock;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONObject;

/**
 * Posting latency while the retention sweep deletes a large backlog: S guests on WebSocket each post to
 * one room at a fixed pace (open loop: the next post leaves on schedule whether or not the last is
 * acked, so a stall shows in the latencies instead of slowing the load), and each post's time to its
 * ack (which comes after the commit) is put in the phase it was sent in: before the first sweep, while
 * the sweep is deleting (from the first rise of {@code parley_retention_deleted_messages_total} until
 * it has risen by {@code expected}), and after. Run by bench/retention-sweep.sh, which fills the room
 * with old messages and starts the server so that the first sweep comes after a quiet period.
 *
 * <p>Arguments: base URL, room, senders, posts per second per sender, messages the sweep must delete,
 * seconds to go on after the sweep, seconds to wait for the sweep at most.
 */
public final class RetentionLatency {
    private static final Pattern DELETED = Pattern.compile("^parley_retention_deleted_messages_total\\{[^}]*} ([0-9.E+-]+)$", Pattern.MULTILINE);
    private static final Pattern CUT = Pattern.compile("^parley_slow_client_disconnects_total\\{[^}]*} ([0-9.E+-]+)$", Pattern.MULTILINE);
    private static final Pattern LAST_SWEEP = Pattern.compile("^parley_retention_last_sweep_seconds\\{[^}]*} ([0-9.E+-]+)$", Pattern.MULTILINE);

    enum Phase { BEFORE, SWEEPING, AFTER }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String room = args[1];
        int senders = Integer.parseInt(args[2]);
        double perSecond = Double.parseDouble(args[3]);
        long expected = Long.parseLong(args[4]);
        int afterSeconds = Integer.parseInt(args[5]);
        int maxSeconds = Integer.parseInt(args[6]);
        HttpClient http = HttpClient.newHttpClient();
        String run = Long.toString(System.nanoTime() % 1_000_000, 36);

        List<Socket> sockets = new ArrayList<>();
        AtomicLong disconnects = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(senders);
        for (int i = 0; i < senders; i++) {
            Socket socket = IO.socket(URI.create(base), Sock.options(Load.guest(http, base, "rl" + run + "_" + i), "websocket"));
            socket.on("ready", a -> ready.countDown());
            socket.on(Socket.EVENT_DISCONNECT, a -> disconnects.incrementAndGet());
            socket.connect();
            sockets.add(socket);
        }
        if (!ready.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("sockets not ready");
        for (Socket s : sockets) {
            CountDownLatch joined = new CountDownLatch(1);
            s.emit("join", new Object[] {new JSONObject().put("room", room)}, (Ack) a -> joined.countDown());
            if (!joined.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("not joined");
        }

        double deletedAtStart = metric(http, base, DELETED);
        double cutAtStart = metric(http, base, CUT);
        @SuppressWarnings("unchecked")
        ConcurrentLinkedQueue<Long>[] latencies = new ConcurrentLinkedQueue[Phase.values().length];
        for (int i = 0; i < latencies.length; i++) latencies[i] = new ConcurrentLinkedQueue<>();
        AtomicLong failed = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        AtomicLong acked = new AtomicLong();
        Phase[] phase = {Phase.BEFORE};
        ScheduledExecutorService pace = Executors.newScheduledThreadPool(2);
        long periodNanos = (long) (1e9 / perSecond);
        for (int i = 0; i < senders; i++) {
            Socket s = sockets.get(i);
            AtomicLong n = new AtomicLong();
            pace.scheduleAtFixedRate(() -> {
                long at = System.nanoTime();
                Phase p = phase[0];
                sent.incrementAndGet();
                s.emit("message", new Object[] {new JSONObject().put("room", room).put("text", "live " + n.incrementAndGet())}, (Ack) a -> {
                    latencies[p.ordinal()].add(System.nanoTime() - at);
                    acked.incrementAndGet();
                    if (!(a.length > 0 && a[0] instanceof JSONObject ack && ack.optBoolean("ok"))) failed.incrementAndGet();
                });
            }, periodNanos * i / senders, periodNanos, TimeUnit.NANOSECONDS);
        }

        long start = System.nanoTime();
        long sweepStart = 0, sweepEnd = 0;
        while (true) {
            double deleted = metric(http, base, DELETED) - deletedAtStart;
            long now = System.nanoTime();
            if (sweepStart == 0 && deleted > 0) {
                sweepStart = now;
                phase[0] = Phase.SWEEPING;
                System.out.printf("sweep started after %.1f s of posting%n", (now - start) / 1e9);
            }
            if (sweepStart != 0 && deleted >= expected) {
                sweepEnd = now;
                phase[0] = Phase.AFTER;
                System.out.printf("sweep deleted %.0f messages, seen over %.1f s%n", deleted, (now - sweepStart) / 1e9);
                break;
            }
            if (now - start > TimeUnit.SECONDS.toNanos(maxSeconds)) {
                System.out.printf("gave up after %d s: %.0f of %d deleted%n", maxSeconds, deleted, expected);
                break;
            }
            Thread.sleep(200); // a load generator's poll, not a test's wait
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(afterSeconds));
        pace.shutdownNow();
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acked.get() < sent.get() && System.nanoTime() < waitUntil) Thread.sleep(50);
        double beforeSeconds = ((sweepStart == 0 ? System.nanoTime() : sweepStart) - start) / 1e9;
        double sweepSeconds = sweepEnd == 0 ? 0 : (sweepEnd - sweepStart) / 1e9;
        report("before the sweep", beforeSeconds, latencies[Phase.BEFORE.ordinal()]);
        report("while sweeping", sweepSeconds, latencies[Phase.SWEEPING.ordinal()]);
        report("after the sweep", afterSeconds, latencies[Phase.AFTER.ordinal()]);
        double lastSweep = metric(http, base, LAST_SWEEP);
        System.out.printf("posts sent=%d acked=%d failed=%d unacked=%d; sockets disconnected=%d, cut by the server as too slow=%.0f%n",
                sent.get(), acked.get(), failed.get(), sent.get() - acked.get(), disconnects.get(), metric(http, base, CUT) - cutAtStart);
        System.out.printf("sweep: %d messages in %.1f s by the server's own measure (parley_retention_last_sweep_seconds), %.0f messages/s%n",
                expected, lastSweep, expected / lastSweep);
        sockets.forEach(Socket::close);
        System.exit(0);
    }

    private static void report(String name, double seconds, ConcurrentLinkedQueue<Long> phase) {
        long[] sorted = phase.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-17s %5.1f s  posts=%6d  p50=%7.1f ms  p95=%7.1f ms  p99=%7.1f ms  max=%7.1f ms%n", name, seconds, sorted.length,
                percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double metric(HttpClient http, String base, Pattern series) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = series.matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }
}
