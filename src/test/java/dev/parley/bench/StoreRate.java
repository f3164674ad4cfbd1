package dev.parley.bench;

import io.socket.client.Ack;
import io.socket.client.IO;
import dev.parley.support.Sock;
import io.socket.client.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.json.JSONObject;

/**
 * Messages stored per second with many concurrent senders: S guests on WebSocket, each sending its
 * next message as soon as the ack of the previous one (which comes after the commit) is back, for D
 * seconds. {@code feed}: everyone posts to the feed (one room row locked by every post, and each
 * message fanned out to all S sockets); {@code rooms}: each sender posts to a room of its own
 * (no shared lock, no fan-out): storage alone. Run by bench/store-rate.sh.
 *
 * <p>{@code mention} as a sixth argument makes each text mention the next sender ({@code "m7 @st..._8"}):
 * on the feed a real mention (a lookup, a stored row, a {@code mention} notification), in own rooms a
 * name that is no member there (the lookup alone). The default, {@code plain}, has no {@code @}.
 *
 * <p>Arguments: base URL, server pid, senders, seconds, feed|rooms[, plain|mention].
 */
public final class StoreRate {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        int senders = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        boolean ownRooms = "rooms".equals(args[4]);
        boolean mention = args.length > 5 && "mention".equals(args[5]);
        HttpClient http = HttpClient.newHttpClient();
        String run = Long.toString(System.nanoTime() % 1_000_000, 36);

        List<Socket> sockets = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(senders);
        for (int i = 0; i < senders; i++) {
            Socket socket = IO.socket(URI.create(base), Sock.options(Load.guest(http, base, "st" + run + "_" + i), "websocket"));
            socket.on("ready", a -> ready.countDown());
            socket.connect();
            sockets.add(socket);
        }
        if (!ready.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("sockets not ready");
        String[] rooms = new String[senders];
        for (int i = 0; i < senders; i++) {
            rooms[i] = ownRooms ? "st-" + run + "-" + i : "feed";
            if (ownRooms) {
                CountDownLatch made = new CountDownLatch(1);
                sockets.get(i).emit("create_room", new Object[] {new JSONObject().put("name", rooms[i])}, (Ack) a -> made.countDown());
                if (!made.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("room not made");
            }
        }

        AtomicLong stored = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long cpuBefore = Load.cpuTicks(pid);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(senders);
        for (int i = 0; i < senders; i++) {
            String suffix = mention ? " @st" + run + "_" + ((i + 1) % senders) : "";
            send(sockets.get(i), rooms[i], suffix, 0, end, stored, failed, latencies, done);
        }
        if (!done.await(seconds + 60L, TimeUnit.SECONDS)) throw new IllegalStateException("acks missing");
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (Load.cpuTicks(pid) - cpuBefore) / 100.0;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("senders=%d target=%s text=%s stored=%d failed=%d seconds=%.1f stored_per_s=%.0f ack_p50_ms=%.1f ack_p99_ms=%.1f server_cpu_s=%.1f%n",
                senders, ownRooms ? "own-rooms" : "feed", mention ? "mention" : "plain", stored.get(), failed.get(), elapsed, stored.get() / elapsed,
                percentile(sorted, 0.50), percentile(sorted, 0.99), cpuSeconds);
        sockets.forEach(Socket::close);
        System.exit(0);
    }

    /** Sends one message and, once it is acked, the next, until the deadline. */
    private static void send(Socket socket, String room, String suffix, int n, long end, AtomicLong stored, AtomicLong failed,
                             ConcurrentLinkedQueue<Long> latencies, CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        long sent = System.nanoTime();
        socket.emit("message", new Object[] {new JSONObject().put("room", room).put("text", "m" + n + suffix)}, (Ack) a -> {
            latencies.add(System.nanoTime() - sent);
            if (a.length > 0 && a[0] instanceof JSONObject ack && ack.optBoolean("ok")) stored.incrementAndGet();
            else failed.incrementAndGet();
            send(socket, room, suffix, n + 1, end, stored, failed, latencies, done);
        });
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }
}
