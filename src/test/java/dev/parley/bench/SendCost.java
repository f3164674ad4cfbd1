package dev.parley.bench;

import io.socket.client.Ack;
import io.socket.client.IO;
import dev.parley.support.Sock;
import io.socket.client.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.json.JSONObject;

/**
 * Feed fan-out against a running Parley: R receivers on WebSocket, one sender keeping W messages in
 * flight, N messages in all. Prints deliveries per second and the server's CPU time per delivery,
 * read from /proc of the server's process. Run by bench/send-cost.sh, not by the test suite.
 *
 * <p>Arguments: base URL, server pid, receivers, messages, window.
 */
public final class SendCost {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        int receivers = Integer.parseInt(args[2]);
        int messages = Integer.parseInt(args[3]);
        int window = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newHttpClient();

        AtomicLong delivered = new AtomicLong();
        long expected = (long) receivers * messages;
        // Guest names are never handed out twice: each round (the warm-up, then the measured one) its own.
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        CountDownLatch allDelivered = new CountDownLatch(1);
        List<Socket> sockets = new ArrayList<>();
        long rssBefore = Load.rssKb(pid);
        CountDownLatch ready = new CountDownLatch(receivers + 1);
        for (int i = 0; i <= receivers; i++) {
            Socket socket = IO.socket(URI.create(base), Sock.options(Load.guest(http, base, "b" + i + "_" + run), "websocket"));
            socket.on("ready", a -> ready.countDown());
            if (i > 0) socket.on("message", a -> {
                if (delivered.incrementAndGet() == expected) allDelivered.countDown();
            });
            socket.connect();
            sockets.add(socket);
        }
        if (!ready.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("sockets not ready");
        Socket sender = sockets.get(0);
        long rssPerSocket = (Load.rssKb(pid) - rssBefore) / (receivers + 1);
        long ownCpuBefore = Load.cpuTicks(ProcessHandle.current().pid());

        Semaphore inFlight = new Semaphore(window);
        long cpuBefore = Load.cpuTicks(pid);
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            inFlight.acquire();
            sender.emit("message", new Object[] {new JSONObject().put("text", "m" + i)}, (Ack) a -> inFlight.release());
        }
        boolean complete = allDelivered.await(300, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (Load.cpuTicks(pid) - cpuBefore) / 100.0;
        double generatorCpuSeconds = (Load.cpuTicks(ProcessHandle.current().pid()) - ownCpuBefore) / 100.0;
        long got = delivered.get();
        System.out.printf("receivers=%d messages=%d delivered=%d/%d%s seconds=%.2f deliveries_per_s=%.0f server_cpu_s=%.2f"
                        + " cpu_us_per_delivery=%.2f generator_cpu_s=%.2f server_rss_kb_per_socket=%d%n",
                receivers, messages, got, expected, complete ? "" : " (INCOMPLETE)", seconds, got / seconds,
                cpuSeconds, cpuSeconds * 1e6 / Math.max(1, got), generatorCpuSeconds, rssPerSocket);
        sockets.forEach(Socket::close);
        System.exit(0);
    }
}
