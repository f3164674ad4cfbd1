package dev.parley.bench;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Sock;
import dev.parley.support.StalledSocket;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.json.JSONObject;

/**
 * The soak's mixed traffic against one Parley server: registered users each holding a WebSocket (a
 * quarter of them also a long-polling socket) that post in rooms and direct conversations, edit and
 * react; sockets that come and go (over WebSocket, polling, polling then upgrade, some closed
 * before they are ready, some raw WebSockets dropped or broken off); searches; password logins ended by a logout; and a slow reader that stops
 * reading. Every action is paced well inside Parley's default per-socket and per-user budgets.
 *
 * <p>Which sockets are open is known exactly only while nothing connects or disconnects: {@link #hold}
 * stops the sockets that come and go (and closes them and the slow reader), so that the server's
 * {@code parley_connected_sockets} can be compared with {@link #open}; {@link #release} lets them go on.
 */
final class SoakTraffic implements AutoCloseable {
    private static final long ACK_SECONDS = 30;
    private static final String[] EMOJI = {"👍", "🎉", "😂"};
    private static final HttpClient RAW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String[][] TRANSPORTS = {{"websocket"}, {"polling"}, {"polling", "websocket"}};

    private final Api api;
    private final List<Login> users = new ArrayList<>();
    private final List<String> rooms = new ArrayList<>();
    /** Each user's own socket, then (for every fourth user) a long-polling one: open all along. */
    private final List<Resident> residents = new CopyOnWriteArrayList<>();
    private final Deque<Socket> churned = new ConcurrentLinkedDeque<>();
    private final ReentrantReadWriteLock population = new ReentrantReadWriteLock();
    private final Map<String, Deque<Long>> ownMessages = new ConcurrentHashMap<>();
    private final AtomicLongArray recent = new AtomicLongArray(256);
    private final Map<String, LongAdder> done = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();
    private final ScheduledExecutorService actors = Executors.newScheduledThreadPool(6, r -> {
        Thread t = new Thread(r, "soak-traffic");
        t.setDaemon(true);
        return t;
    });
    private volatile StalledSocket slow;
    private Login slowUser;

    private record Resident(Login user, Socket socket) {
    }

    SoakTraffic(String base) {
        this.api = new Api(base);
    }

    /** Registers the users (password accounts: a login hashes) and their rooms, and connects the residents. */
    SoakTraffic prepare(int userCount) throws Exception {
        for (int i = 0; i < userCount; i++) users.add(api.registerAndLogin("soak"));
        slowUser = api.registerAndLogin("soak_slow");
        for (int i = 0; i < 3; i++) rooms.add(api.createRoom(users.get(0), "soak"));
        for (Login user : users) {
            for (String room : rooms) api.join(user, room);
            ownMessages.put(user.username(), new ConcurrentLinkedDeque<>());
        }
        for (String room : rooms) api.join(slowUser, room);
        for (int i = 0; i < users.size(); i++) {
            residents.add(new Resident(users.get(i), connect(users.get(i), "websocket")));
            if (i % 4 == 0) residents.add(new Resident(users.get(i), connect(users.get(i), "polling")));
        }
        return this;
    }

    /** Starts every actor, each on its own fixed pace. */
    void start() {
        every(100, "post", this::post);
        every(400, "edit", this::edit);
        every(300, "react", this::react);
        every(1000, "search", this::search);
        every(2000, "login", this::login);
        every(400, "connect", this::churn);
        every(1500, "connect_abort", this::abort);
        every(1500, "websocket_cut", this::cut);
        openSlowReader();
    }

    /** Stops the sockets that come and go and closes them and the slow reader; see the class comment. */
    void hold() {
        population.writeLock().lock();
        closeSlowReader();
        for (Socket socket; (socket = churned.poll()) != null; ) socket.close();
    }

    /** After {@link #hold}: residents that the server dropped are connected again, the rest go on. */
    void release() {
        try {
            for (int i = 0; i < residents.size(); i++) {
                Resident r = residents.get(i);
                if (!r.socket().connected()) {
                    r.socket().close();
                    count("resident_reconnect", true);
                    residents.set(i, new Resident(r.user(), connect(r.user(), "websocket")));
                }
            }
        } catch (Exception e) {
            count("resident_reconnect", false);
        } finally {
            population.writeLock().unlock();
        }
        openSlowReader();
    }

    /** Sockets of the soak's that are connected now (exact while held). */
    int open() {
        int n = 0;
        for (Resident r : residents) if (r.socket().connected()) n++;
        for (Socket s : churned) if (s.connected()) n++;
        return n;
    }

    /** Per action, how many went through and how many failed, for the report. */
    String counts() {
        Map<String, String> all = new TreeMap<>();
        done.forEach((k, v) -> all.put(k, v.sum() + (failed.containsKey(k) ? "/" + failed.get(k).sum() + " failed" : "")));
        failed.forEach((k, v) -> all.putIfAbsent(k, "0/" + v.sum() + " failed"));
        return all.toString();
    }

    /** Stops the actors and closes every socket: the server should then count none. */
    @Override
    public void close() {
        actors.shutdownNow();
        try {
            actors.awaitTermination(ACK_SECONDS + 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeSlowReader();
        for (Socket socket; (socket = churned.poll()) != null; ) socket.close();
        residents.forEach(r -> r.socket().close());
    }

    private interface Action {
        void run() throws Exception;
    }

    private void every(long millis, String name, Action action) {
        actors.scheduleWithFixedDelay(() -> {
            try {
                action.run();
                count(name, true);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            } catch (Exception | AssertionError e) {
                count(name, false);
            }
        }, ThreadLocalRandom.current().nextLong(millis), millis, TimeUnit.MILLISECONDS);
    }

    private void count(String name, boolean ok) {
        (ok ? done : failed).computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    private void post() throws Exception {
        Resident r = anyResident();
        JSONObject payload;
        String event;
        if (ThreadLocalRandom.current().nextInt(5) == 0) {
            event = "private_message";
            Login to = anyUser();
            while (to.username().equals(r.user().username())) to = anyUser();
            payload = Sock.dm(to.username(), "soak dm " + System.nanoTime());
        } else {
            event = "message";
            payload = Sock.say(rooms.get(ThreadLocalRandom.current().nextInt(rooms.size())), "soak words " + System.nanoTime());
        }
        long id = ok(ack(r.socket(), event, payload)).getJSONObject("message").getLong("id");
        Deque<Long> own = ownMessages.get(r.user().username());
        own.addFirst(id);
        while (own.size() > 20) own.pollLast();
        recent.set(ThreadLocalRandom.current().nextInt(recent.length()), id);
    }

    private void edit() throws Exception {
        Resident r = anyResident();
        Long id = ownMessages.get(r.user().username()).peekFirst();
        if (id == null) return;
        ok(ack(r.socket(), "edit_message", new JSONObject().put("id", id).put("text", "soak edited " + System.nanoTime())));
    }

    private void react() throws Exception {
        long id = recent.get(ThreadLocalRandom.current().nextInt(recent.length()));
        if (id == 0) return;
        Resident r = anyResident();
        // a direct message between two others is not theirs to react to: forbidden or not_found is expected
        JSONObject a = ack(r.socket(), ThreadLocalRandom.current().nextBoolean() ? "react" : "unreact",
                new JSONObject().put("id", id).put("emoji", EMOJI[ThreadLocalRandom.current().nextInt(EMOJI.length)]));
        if (!a.getBoolean("ok") && !a.getJSONObject("error").getString("code").matches("forbidden|not_found")) throw new IllegalStateException(a.toString());
    }

    private void search() {
        Api.Reply reply = api.get("/api/search?q=words&limit=20", anyUser().token());
        if (reply.status() != 200) throw new IllegalStateException("search " + reply.status());
    }

    private void login() {
        Login login = api.login(anyUser().username());
        if (api.get("/api/users/me", login.token()).status() != 200) throw new IllegalStateException("me");
        if (api.post("/api/auth/logout", login.token(), null).status() != 204) throw new IllegalStateException("logout");
    }

    /** A socket that comes: connected and ready, kept for a while (the oldest of seven goes). */
    private void churn() throws Exception {
        population.readLock().lockInterruptibly();
        try {
            String[] transports = TRANSPORTS[ThreadLocalRandom.current().nextInt(TRANSPORTS.length)];
            churned.addLast(connect(anyUser(), transports));
            while (churned.size() > 6) {
                Socket oldest = churned.pollFirst();
                if (oldest != null) oldest.close();
            }
        } finally {
            population.readLock().unlock();
        }
    }

    /** A socket closed as soon as it is opened, or just after its connect, before or while the server sets it up. */
    private void abort() throws Exception {
        population.readLock().lockInterruptibly();
        try {
            String[] transports = TRANSPORTS[ThreadLocalRandom.current().nextInt(TRANSPORTS.length)];
            Socket socket = IO.socket(URI.create(api.url()), Sock.options(anyUser().token(), transports));
            // closed in finally: the soak's end interrupts this wait, and a socket left open then is one the
            // server rightly still counts once every other socket has closed
            try {
                if (ThreadLocalRandom.current().nextBoolean()) {
                    CountDownLatch connected = new CountDownLatch(1);
                    socket.on(Socket.EVENT_CONNECT, a -> connected.countDown());
                    socket.on(Socket.EVENT_CONNECT_ERROR, a -> connected.countDown());
                    socket.connect();
                    connected.await(ACK_SECONDS, TimeUnit.SECONDS);
                } else {
                    socket.connect();
                }
            } finally {
                socket.close();
            }
        } finally {
            population.readLock().unlock();
        }
    }

    /**
     * A raw WebSocket that authenticates and then goes in one of the ways a client's connection ends
     * badly: dropped at once, dropped once ready, closed by the server for a packet it cannot parse,
     * or a Socket.IO disconnect then dropped (the fuzz run's endings, without the fuzz).
     */
    private void cut() throws Exception {
        population.readLock().lockInterruptibly();
        try {
            CompletableFuture<Void> ready = new CompletableFuture<>();
            CompletableFuture<Void> closed = new CompletableFuture<>();
            WebSocket ws = RAW.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(ACK_SECONDS))
                    .buildAsync(URI.create(api.url().replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            if (data.toString().startsWith("42[\"ready\"")) ready.complete(null);
                            w.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                            closed.complete(null);
                            return null;
                        }

                        @Override
                        public void onError(WebSocket w, Throwable error) {
                            closed.complete(null);
                        }
                    }).get(ACK_SECONDS, TimeUnit.SECONDS);
            try {
                ws.sendText("40{\"token\":\"" + anyUser().token() + "\"}", true).get(ACK_SECONDS, TimeUnit.SECONDS);
                switch (ThreadLocalRandom.current().nextInt(4)) {
                    case 0 -> { }
                    case 1 -> ready.get(ACK_SECONDS, TimeUnit.SECONDS);
                    case 2 -> {
                        ws.sendText("42[\"message\",{", true).get(ACK_SECONDS, TimeUnit.SECONDS);
                        closed.get(ACK_SECONDS, TimeUnit.SECONDS);
                    }
                    default -> ws.sendText("41", true).get(ACK_SECONDS, TimeUnit.SECONDS);
                }
            } finally {
                ws.abort();
            }
        } finally {
            population.readLock().unlock();
        }
    }

    private void openSlowReader() {
        try {
            slow = StalledSocket.connectTo(api.url(), slowUser.token());
            count("slow_reader", true);
        } catch (IOException e) {
            count("slow_reader", false);
        }
    }

    private void closeSlowReader() {
        StalledSocket s = slow;
        slow = null;
        if (s == null) return;
        try {
            s.close();
        } catch (IOException ignored) {
            // closed already, by the server (it cuts a reader too slow for what it is sent)
        }
    }

    private Socket connect(Login user, String... transports) throws Exception {
        Socket socket = IO.socket(URI.create(api.url()), Sock.options(user.token(), transports));
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        socket.on("ready", a -> outcome.complete("ready"));
        socket.on(Socket.EVENT_CONNECT_ERROR, a -> outcome.complete(a.length > 0 ? a[0] : "connect_error"));
        socket.connect();
        Object result;
        try {
            result = outcome.get(ACK_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.close();
            throw e;
        }
        if (!"ready".equals(result)) {
            socket.close();
            throw new IllegalStateException("connect: " + result);
        }
        return socket;
    }

    private static JSONObject ack(Socket socket, String event, JSONObject payload) throws Exception {
        CompletableFuture<Object[]> ack = new CompletableFuture<>();
        socket.emit(event, new Object[] {payload}, (Ack) ack::complete);
        return (JSONObject) ack.get(ACK_SECONDS, TimeUnit.SECONDS)[0];
    }

    private static JSONObject ok(JSONObject ack) {
        if (!ack.getBoolean("ok")) throw new IllegalStateException(ack.toString());
        return ack;
    }

    private Resident anyResident() {
        return residents.get(ThreadLocalRandom.current().nextInt(residents.size()));
    }

    private Login anyUser() {
        return users.get(ThreadLocalRandom.current().nextInt(users.size()));
    }
}
