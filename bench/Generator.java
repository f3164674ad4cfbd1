import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator of bench/run.sh: one workload against one server (Parley or the peer), one JSON
 * object on stdout, progress on stderr. Run with the JDK's source launcher, no build:
 * {@code java bench/Generator.java --base http://127.0.0.1:9101 --pid 1234 --workload feed ...}.
 *
 * <p>A full Socket.IO client library costs more CPU per frame than the servers under test, so this
 * one speaks raw Engine.IO v4 / Socket.IO v5 text over a hand-written WebSocket client on one NIO
 * selector thread, and parses only the few bytes it needs: the send time, the message index, the
 * ack id. Every message's text is {@code B <index> <nanoTime at send>}; a receiver records the
 * latency, and a bit per (receiver, message) tells duplicates; expected deliveries are the acked
 * messages times the room's sockets other than the sender's.
 */
public final class Generator {
    // ---- options ----
    static final Map<String, String> opt = new HashMap<>();
    static String host;
    static int port;
    /** The nodes, when the server is several (a comma-separated --base): socket i talks to node i % nodes. */
    static String[] hosts;
    static int[] ports;
    /** The server's processes (a comma-separated --pid, one per node): CPU, run queue and memory are summed over them. */
    static long[] serverPids;
    static String db;

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the worker threads would keep the JVM, and the benchmark, waiting
        }
    }

    private static void run(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        String[] bases = opt.getOrDefault("base", "http://127.0.0.1:9101").split(",");
        hosts = new String[bases.length];
        ports = new int[bases.length];
        for (int i = 0; i < bases.length; i++) {
            Matcher m = Pattern.compile("http://([^:/]+):(\\d+)").matcher(bases[i]);
            if (!m.find()) throw new IllegalArgumentException("--base http://host:port[,http://host:port...]");
            hosts[i] = m.group(1);
            ports[i] = Integer.parseInt(m.group(2));
        }
        host = hosts[0];
        port = ports[0];
        serverPids = Arrays.stream(opt.getOrDefault("pid", "0").split(",")).mapToLong(Long::parseLong).toArray();
        db = opt.get("db");
        String workload = opt.getOrDefault("workload", "feed");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("workload", workload);
        result.put("target", opt.getOrDefault("target", "?"));
        Generator g = new Generator();
        switch (workload) {
            case "feed" -> g.feed(result);
            case "rooms" -> g.rooms(result);
            case "idle" -> g.idle(result);
            case "storm" -> g.storm(result);
            default -> throw new IllegalArgumentException("workload: feed, rooms, idle or storm");
        }
        System.out.println(json(result));
        System.out.flush();
        Runtime.getRuntime().halt(0); // no orderly close of thousands of sockets
    }

    static int intOpt(String name, int dflt) { return Integer.parseInt(opt.getOrDefault(name, String.valueOf(dflt))); }
    static double dblOpt(String name, double dflt) { return Double.parseDouble(opt.getOrDefault(name, String.valueOf(dflt))); }
    static void log(String format, Object... args) { System.err.printf(Locale.ROOT, "  [%s] " + format + "%n", prepend(opt.getOrDefault("target", "?"), args)); }
    static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    // ---- workloads ----

    /** (1) Feed fan-out: every socket in `feed`, S of them sending; a step at 100 msg/s, a ramp, a step at a given rate. */
    void feed(Map<String, Object> out) throws Exception {
        int sockets = intOpt("sockets", 1000);
        List<Conn> conns = login("f", sockets);
        connectAll(conns, intOpt("concurrency", 200), out);
        List<Conn> senders = conns.subList(0, Math.min(intOpt("senders", 10), sockets));
        int[] members = {sockets};
        double seconds = dblOpt("step-seconds", 10);
        step("warmup", senders, members, dblOpt("warmup-rate", 50), dblOpt("warmup-seconds", 10));
        List<Map<String, Object>> steps = new ArrayList<>();
        steps.add(step("fixed", senders, members, dblOpt("fixed-rate", 100), seconds));
        double best = (double) steps.get(0).get("deliveriesPerSec");
        for (String r : opt.getOrDefault("rates", "150,200,300,400,600,800,1200").split(",")) {
            Map<String, Object> s = step("ramp", senders, members, Double.parseDouble(r), seconds);
            steps.add(s);
            double got = (double) s.get("deliveriesPerSec"), before = best;
            best = Math.max(best, got);
            if (got < before * 1.05) break; // deliveries stopped growing
            if ((double) s.get("sentPerSec") < 0.9 * Double.parseDouble(r)) break; // the server holds the senders back
        }
        out.put("saturationDeliveriesPerSec", best);
        double half = opt.containsKey("half-rate") ? dblOpt("half-rate", 0) : best / 2 / (sockets - 1);
        steps.add(step("half", senders, members, Math.max(1, Math.round(half)), seconds));
        out.put("steps", steps);
        finish(conns, out);
    }

    /** (2) Rooms: R rooms of M members each (members join by REST first), one sender per room. */
    void rooms(Map<String, Object> out) throws Exception {
        int size = intOpt("room-size", 50);
        List<Conn> conns = login("r", intOpt("rooms", 20) * size);
        int rooms = conns.size() / size;
        conns = conns.subList(0, rooms * size);
        String prefix = "bench" + Long.toString(System.nanoTime() % 1_000_000, 36);
        joinRooms(conns, rooms, size, prefix);
        connectAll(conns, intOpt("concurrency", 200), out);
        // A client showing the room tells Parley so; Parley then spares it a `notification` per message.
        for (Conn c : conns) c.sendText("42[\"focus\",{\"room\":\"" + c.roomName + "\"}]");
        List<Conn> senders = new ArrayList<>();
        for (int r = 0; r < rooms; r++) senders.add(conns.get(r * size));
        int[] members = new int[rooms];
        Arrays.fill(members, size);
        double seconds = dblOpt("step-seconds", 10);
        step("warmup", senders, members, dblOpt("warmup-rate", 200), dblOpt("warmup-seconds", 5));
        List<Map<String, Object>> steps = new ArrayList<>();
        for (String r : opt.getOrDefault("rates", "1000,2000").split(",")) steps.add(step("fixed", senders, members, Double.parseDouble(r), seconds));
        out.put("steps", steps);
        finish(conns, out);
    }

    /** (3) Idle capacity: N authenticated sockets, the server's resident memory per socket. */
    void idle(Map<String, Object> out) throws Exception {
        int sockets = intOpt("sockets", 10000);
        List<Conn> conns = login("i", sockets);
        settle((long) (dblOpt("pause-seconds", 2) * 1000)); // bench/idle-heap.sh takes the "before" histogram here
        long heapBefore = serverLiveHeapBytes();
        long rssBefore = serverRssKb();
        connectAll(conns, intOpt("concurrency", 200), out);
        settle((long) (dblOpt("settle-seconds", 8) * 1000));
        long rssAfter = serverRssKb();
        long heapAfter = serverLiveHeapBytes();
        out.put("rssBeforeKb", rssBefore);
        out.put("rssAfterKb", rssAfter);
        out.put("rssPerSocketKb", round((rssAfter - rssBefore) / (double) Math.max(1, ready(conns)), 2));
        if (heapBefore > 0 && heapAfter > 0) {
            out.put("liveHeapPerSocketKb", round((heapAfter - heapBefore) / 1024.0 / Math.max(1, ready(conns)), 2));
        }
        finish(conns, out);
    }

    /** (4) Connect storm: N logged-in users open their sockets at once; time until all are ready. */
    void storm(Map<String, Object> out) throws Exception {
        int sockets = intOpt("sockets", 2000);
        List<Conn> conns = login("s", sockets);
        settle(1000);
        connectAll(conns, sockets, out);
        finish(conns, out);
    }

    // ---- login and rooms over HTTP (blocking, a few threads, spread over 127.0.0.x) ----

    final Map<String, Object> loginStats = new LinkedHashMap<>();

    static String source(int i) { return "127.0.0." + (2 + i % 250); }

    List<Conn> login(String kind, int n) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(intOpt("http-threads", 8));
        List<Future<Conn>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int idx = i;
            futures.add(pool.submit(() -> {
                String name = kind + run + "_" + idx;
                String body = http(idx, "POST", "/api/auth/guest", "{\"username\":\"" + name + "\"}", null);
                Matcher t = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
                if (!t.find()) throw new IllegalStateException("guest login failed: " + body.lines().findFirst().orElse(""));
                return new Conn(idx, name, t.group(1));
            }));
        }
        // A slow server must not hold the whole run: past the limit the workload goes on with the users logged in so far.
        long deadline = t0 + (long) (dblOpt("login-timeout", 240) * 1e9);
        List<Conn> conns = new ArrayList<>();
        for (Future<Conn> f : futures) {
            try {
                conns.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                break;
            }
        }
        pool.shutdownNow();
        double secs = (System.nanoTime() - t0) / 1e9;
        log("%d/%d guest logins in %.1f s", conns.size(), n, secs);
        loginStats.put("requested", n);
        loginStats.put("loggedIn", conns.size());
        loginStats.put("seconds", round(secs, 1));
        loginStats.put("perSec", round(conns.size() / secs, 1));
        return conns;
    }

    void joinRooms(List<Conn> conns, int rooms, int size, String prefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(intOpt("http-threads", 8));
        for (int r = 0; r < rooms; r++) {
            String name = prefix + "-" + r;
            Conn creator = conns.get(r * size);
            String created = http(creator.idx, "POST", "/api/rooms", "{\"name\":\"" + name + "\"}", creator.token);
            if (!created.startsWith("HTTP/1.1 201")) throw new IllegalStateException("create room: " + created);
            List<Future<String>> joins = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Conn c = conns.get(r * size + i);
                c.room = r;
                c.roomName = name;
                if (i > 0) joins.add(pool.submit(() -> http(c.idx, "PUT", "/api/rooms/" + name + "/members/me", "", c.token)));
            }
            for (Future<String> f : joins) if (!f.get().startsWith("HTTP/1.1 200")) throw new IllegalStateException("join: " + f.get());
        }
        pool.shutdown();
    }

    /** Over HTTP to the node of user {@code idx}. */
    static String http(int idx, String method, String path, String body, String token) throws IOException {
        return http(source(idx), hosts[idx % hosts.length], ports[idx % ports.length], method, path, body, token);
    }

    static String http(String src, String host, int port, String method, String path, String body, String token) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: application/json\r\n"
                + "Connection: close\r\nContent-Length: " + content.length + "\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
        try (SocketChannel ch = SocketChannel.open()) {
            ch.bind(new InetSocketAddress(src, 0));
            ch.connect(new InetSocketAddress(host, port));
            ByteBuffer req = ByteBuffer.allocate(head.length() + content.length);
            req.put(head.getBytes(StandardCharsets.ISO_8859_1)).put(content).flip();
            while (req.hasRemaining()) ch.write(req);
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(16384);
            while (ch.read(buf) >= 0) {
                response.write(buf.array(), 0, buf.position());
                buf.clear();
                String so = response.toString(StandardCharsets.UTF_8);
                int end = so.indexOf("\r\n\r\n");
                Matcher cl = Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(so);
                if (end >= 0 && cl.find() && so.getBytes(StandardCharsets.UTF_8).length >= end + 4 + Integer.parseInt(cl.group(1))) break;
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    // ---- the selector loop ----

    final Selector selector = Selector.open();
    byte[] rbuf = new byte[1 << 20];
    final InetSocketAddress[] servers = java.util.stream.IntStream.range(0, hosts.length)
            .mapToObj(i -> new InetSocketAddress(hosts[i], ports[i])).toArray(InetSocketAddress[]::new);
    Generator() throws IOException {}

    /** Opens the sockets, at most `concurrency` handshakes at a time, until all are ready or failed. */
    void connectAll(List<Conn> conns, int concurrency, Map<String, Object> out) throws Exception {
        long cpu0 = serverTicks(), db0 = dbTicks(), self0 = cpuTicks(0);
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (dblOpt("connect-timeout", 120) * 1e9);
        int next = 0;
        while (System.nanoTime() < deadline) {
            int pending = 0, done = 0;
            for (Conn c : conns) {
                if (c.state == Conn.READY || c.state == Conn.FAILED) done++;
                else if (c.state != Conn.NEW) pending++;
            }
            if (done == conns.size()) break;
            while (pending < concurrency && next < conns.size()) {
                Conn opening = conns.get(next++);
                opening.open(selector, servers[opening.node], t0);
                pending++;
            }
            poll(5);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        int ready = ready(conns);
        long[] times = conns.stream().filter(c -> c.state == Conn.READY).mapToLong(c -> c.readyAt - t0).sorted().toArray();
        Map<String, Object> c = new LinkedHashMap<>();
        out.put("logins", loginStats);
        c.put("sockets", conns.size());
        c.put("ready", ready);
        c.put("failed", conns.stream().filter(x -> x.state == Conn.FAILED).count());
        c.put("failure", conns.stream().filter(x -> x.failure != null).map(x -> x.failure).findFirst().orElse(null));
        c.put("failures", new LinkedHashMap<>(conns.stream().filter(x -> x.failure != null)
                .collect(java.util.stream.Collectors.groupingBy(x -> x.failure, java.util.stream.Collectors.counting()))));
        c.put("concurrency", Math.min(concurrency, conns.size()));
        c.put("allReadySeconds", ready == conns.size() ? round(times[times.length - 1] / 1e9, 3) : null);
        c.put("readyP50Ms", times.length == 0 ? null : round(times[times.length / 2] / 1e6, 1));
        c.put("readyP99Ms", times.length == 0 ? null : round(times[(int) (times.length * 0.99)] / 1e6, 1));
        c.put("connectsPerSec", round(ready / secs, 1));
        c.put("serverCpuMsPerConnect", round((serverTicks() - cpu0) * 10.0 / Math.max(1, ready), 3));
        c.put("dbCpuMsPerConnect", round((dbTicks() - db0) * 10.0 / Math.max(1, ready), 3));
        c.put("generatorCpuSec", round((cpuTicks(0) - self0) / 100.0, 2));
        c.put("otherFramesReceived", otherFrames);
        out.put("connect", c);
        log("%d/%d sockets ready in %.1f s (%.0f/s)", ready, conns.size(), secs, ready / secs);
        if (ready < conns.size()) log("NOT ALL READY: %s", c.get("failure"));
    }

    static int ready(List<Conn> conns) { return (int) conns.stream().filter(c -> c.state == Conn.READY).count(); }

    void settle(long millis) throws IOException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) poll(10);
    }

    void poll(long timeoutMillis) throws IOException {
        if (selector.select(timeoutMillis) == 0) return;
        for (SelectionKey k : selector.selectedKeys()) {
            Conn c = (Conn) k.attachment();
            try {
                if (!k.isValid()) continue;
                if (k.isConnectable()) c.connected();
                if (k.isValid() && k.isWritable()) c.flush();
                if (k.isValid() && k.isReadable()) read(c);
            } catch (IOException e) {
                c.fail("io: " + e.getMessage());
            }
        }
        selector.selectedKeys().clear();
    }

    void read(Conn c) throws IOException {
        int pos = 0;
        if (c.carry != null) {
            ensure(c.carry.length + 65536);
            System.arraycopy(c.carry, 0, rbuf, 0, c.carry.length);
            pos = c.carry.length;
            c.carry = null;
        }
        while (true) {
            ensure(pos + 65536);
            ByteBuffer bb = ByteBuffer.wrap(rbuf, pos, rbuf.length - pos);
            int n = c.ch.read(bb);
            if (n < 0) {
                c.fail("closed by server");
                return;
            }
            pos += n;
            if (pos < rbuf.length) break;
        }
        int consumed = parse(c, pos);
        if (consumed < pos && c.state != Conn.FAILED) c.carry = Arrays.copyOfRange(rbuf, consumed, pos);
    }

    void ensure(int size) { if (rbuf.length < size) rbuf = Arrays.copyOf(rbuf, Integer.highestOneBit(size) << 1); }

    /** Consumes the HTTP upgrade answer and whole WebSocket frames from rbuf[0, end); returns where it stopped. */
    int parse(Conn c, int end) throws IOException {
        int p = 0;
        byte[] b = rbuf;
        if (c.state == Conn.UPGRADING) {
            int h = indexOf(b, 0, end, CRLFCRLF);
            if (h < 0) return 0;
            if (!startsWith(b, 0, HTTP101)) {
                c.fail("upgrade refused: " + new String(b, 0, Math.min(h, 80), StandardCharsets.ISO_8859_1).lines().findFirst().orElse(""));
                return end;
            }
            c.state = Conn.OPENING;
            p = h + 4;
        }
        while (end - p >= 2) {
            int b0 = b[p] & 0xff, b1 = b[p + 1] & 0xff;
            long len = b1 & 0x7f;
            int hl = 2;
            if (len == 126) {
                if (end - p < 4) break;
                len = ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
                hl = 4;
            } else if (len == 127) {
                if (end - p < 10) break;
                len = ByteBuffer.wrap(b, p + 2, 8).getLong();
                hl = 10;
            }
            if ((b1 & 0x80) != 0) hl += 4; // servers do not mask; refuse to misread if one does
            if (end - p < hl + len) {
                if (hl + len > b.length) ensure((int) (hl + len) + 65536);
                break;
            }
            int s = p + hl, e = (int) (s + len);
            if ((b1 & 0x80) != 0) for (int i = s; i < e; i++) b[i] ^= b[s - 4 + ((i - s) & 3)];
            int op = b0 & 0x0f;
            boolean fin = (b0 & 0x80) != 0;
            if (op == 1 && fin) onText(c, b, s, e);
            else if (op == 1 || op == 0) {
                if (c.frag == null) c.frag = new ByteArrayOutputStream();
                c.frag.write(b, s, e - s);
                if (fin) {
                    byte[] whole = c.frag.toByteArray();
                    c.frag = null;
                    onText(c, whole, 0, whole.length);
                }
            } else if (op == 9) c.send(0x8A, Arrays.copyOfRange(b, s, e));
            else if (op == 8) {
                int code = e - s >= 2 ? ((b[s] & 0xff) << 8) | (b[s + 1] & 0xff) : 0;
                c.fail("close frame " + code + " " + new String(b, Math.min(s + 2, e), Math.max(0, e - s - 2), StandardCharsets.UTF_8));
                return end;
            }
            p = e;
        }
        return p;
    }

    // ---- Engine.IO / Socket.IO, raw ----

    static final byte[] CRLFCRLF = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] HTTP101 = "HTTP/1.1 101".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] EV_MESSAGE = "[\"message\"".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] EV_READY = "[\"ready\"".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] TEXT_MARK = "\"text\":\"B ".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] OK_TRUE = "\"ok\":true".getBytes(StandardCharsets.ISO_8859_1);
    long otherFrames;

    void onText(Conn c, byte[] b, int s, int e) throws IOException {
        if (e - s < 1) return;
        switch (b[s]) {
            case '0' -> c.sendText("40{\"token\":\"" + c.token + "\"}");
            case '2' -> c.sendText("3");
            case '1' -> c.fail("engine.io close");
            case '4' -> {
                if (e - s < 2) return;
                switch (b[s + 1]) {
                    case '0' -> { }
                    case '4' -> c.fail("connect_error: " + new String(b, s, Math.min(e - s, 120), StandardCharsets.UTF_8));
                    case '2' -> {
                        if (startsWith(b, s + 2, EV_MESSAGE)) onMessage(c, b, s, e);
                        else if (startsWith(b, s + 2, EV_READY)) {
                            c.state = Conn.READY;
                            c.readyAt = System.nanoTime();
                        } else otherFrames++;
                    }
                    case '3' -> {
                        int i = s + 2;
                        long id = 0;
                        while (i < e && b[i] >= '0' && b[i] <= '9') id = id * 10 + (b[i++] - '0');
                        boolean ok = indexOf(b, i, e, OK_TRUE) >= 0;
                        if (!ok && firstAckError == null) firstAckError = new String(b, i, Math.min(e - i, 200), StandardCharsets.UTF_8);
                        onAck(c, (int) id, ok);
                    }
                    default -> otherFrames++;
                }
            }
            default -> otherFrames++;
        }
    }

    // ---- messages: sending, acks, deliveries ----

    int msgCount;
    int[] msgStep = new int[1 << 16], msgExpected = new int[1 << 16], msgGot = new int[1 << 16], msgNode = new int[1 << 16];
    /** With several nodes: each step's latencies of deliveries to a socket on the sender's node, and on another. */
    List<Hist> sameNodeHist = new ArrayList<>(), crossNodeHist = new ArrayList<>();
    boolean[] msgAcked = new boolean[1 << 16];
    List<Hist> stepHist = new ArrayList<>();
    int currentStep = -1;
    boolean window;
    long windowDeliveries, duplicates, unknown, acked, ackErrors, sent, skipped;
    String firstAckError;
    long lastProgress;

    void onAck(Conn c, int id, boolean ok) {
        c.inFlight--;
        lastProgress = System.nanoTime();
        if (id < 0 || id >= msgCount) return;
        if (ok) {
            msgAcked[id] = true;
            acked++;
        } else {
            ackErrors++;
        }
    }

    void onMessage(Conn c, byte[] b, int s, int e) {
        int i = indexOf(b, s, e, TEXT_MARK);
        if (i < 0) {
            otherFrames++;
            return;
        }
        i += TEXT_MARK.length;
        long id = 0, at = 0;
        while (b[i] >= '0' && b[i] <= '9') id = id * 10 + (b[i++] - '0');
        i++;
        while (b[i] >= '0' && b[i] <= '9') at = at * 10 + (b[i++] - '0');
        long now = System.nanoTime();
        if (id >= msgCount) {
            unknown++;
            return;
        }
        int m = (int) id;
        if (c.seen.get(m)) {
            duplicates++;
            return;
        }
        c.seen.set(m);
        lastProgress = now;
        msgGot[m]++;
        stepHist.get(msgStep[m]).record((now - at) / 1000);
        if (hosts.length > 1) (msgNode[m] == c.node ? sameNodeHist : crossNodeHist).get(msgStep[m]).record((now - at) / 1000);
        if (window) windowDeliveries++;
    }

    void send(Conn sender, int recipients) throws IOException {
        if (msgCount == msgStep.length) {
            int n = msgCount * 2;
            msgStep = Arrays.copyOf(msgStep, n);
            msgExpected = Arrays.copyOf(msgExpected, n);
            msgGot = Arrays.copyOf(msgGot, n);
            msgAcked = Arrays.copyOf(msgAcked, n);
            msgNode = Arrays.copyOf(msgNode, n);
        }
        int id = msgCount++;
        msgStep[id] = currentStep;
        msgExpected[id] = recipients;
        msgNode[id] = sender.node;
        sender.inFlight++;
        sent++;
        String room = sender.roomName == null ? "feed" : sender.roomName;
        sender.sendText("42" + id + "[\"message\",{\"text\":\"B " + id + " " + System.nanoTime() + "\",\"room\":\"" + room + "\"}]");
    }

    /** One step: `rate` messages/s in all, round-robin over the senders, for `seconds`; then a drain. */
    Map<String, Object> step(String name, List<Conn> senders, int[] members, double rate, double seconds) throws IOException {
        currentStep = stepHist.size();
        stepHist.add(new Hist());
        sameNodeHist.add(new Hist());
        crossNodeHist.add(new Hist());
        int maxInFlight = intOpt("max-in-flight", 16);
        long sent0 = sent, skipped0 = skipped, dup0 = duplicates;
        windowDeliveries = 0;
        long cpu0 = serverTicks(), db0 = dbTicks(), self0 = cpuTicks(0), wait0 = serverRunQueueNanos();
        long t0 = System.nanoTime(), end = t0 + (long) (seconds * 1e9);
        window = true;
        long due = 0;
        int rr = 0;
        long now;
        while ((now = System.nanoTime()) < end) {
            long target = (long) ((now - t0) * rate / 1e9);
            long slack = Math.max(senders.size(), (long) (rate * 0.1));
            if (target - due > slack) { // more than 100 ms behind: the server holds every sender at its window
                skipped += target - due - slack;
                due = target - slack;
            }
            int tries = 0;
            while (due < target && tries < senders.size()) {
                Conn c = senders.get(rr);
                rr = (rr + 1) % senders.size();
                if (c.state == Conn.READY && c.inFlight < maxInFlight) {
                    send(c, (c.room < 0 ? members[0] : members[c.room]) - 1);
                    due++;
                    tries = 0;
                } else tries++;
            }
            poll(1);
        }
        window = false;
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long cpu = serverTicks() - cpu0, dbCpu = dbTicks() - db0, self = cpuTicks(0) - self0;
        long waited = serverRunQueueNanos() - wait0;
        long delivered = windowDeliveries;
        drain(senders);
        Hist h = stepHist.get(currentStep);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("step", name);
        s.put("offeredPerSec", rate);
        s.put("sentPerSec", round((sent - sent0) / elapsed, 1));
        s.put("skipped", skipped - skipped0);
        s.put("deliveriesPerSec", round(delivered / elapsed, 0));
        s.put("p50Ms", round(h.quantile(0.5) / 1000.0, 2));
        s.put("p99Ms", round(h.quantile(0.99) / 1000.0, 2));
        s.put("p999Ms", round(h.quantile(0.999) / 1000.0, 2));
        s.put("maxMs", round(h.max / 1000.0, 2));
        if (hosts.length > 1) {
            Hist same = sameNodeHist.get(currentStep), cross = crossNodeHist.get(currentStep);
            s.put("sameNodeP50Ms", round(same.quantile(0.5) / 1000.0, 2));
            s.put("sameNodeP99Ms", round(same.quantile(0.99) / 1000.0, 2));
            s.put("crossNodeP50Ms", round(cross.quantile(0.5) / 1000.0, 2));
            s.put("crossNodeP99Ms", round(cross.quantile(0.99) / 1000.0, 2));
        }
        s.put("serverCpuPct", round(cpu / elapsed, 1));
        s.put("serverCpuUsPerDelivery", delivered == 0 ? null : round(cpu * 1e4 / delivered, 2));
        s.put("serverRunQueueWaitPct", round(waited / 1e7 / elapsed, 1));
        s.put("dbCpuPct", db == null ? null : round(dbCpu / elapsed, 1));
        s.put("dbCpuUsPerDelivery", db == null || delivered == 0 ? null : round(dbCpu * 1e4 / delivered, 2));
        s.put("generatorCpuPct", round(self / elapsed, 1));
        // what one core of this generator could take at this cost per frame: its ceiling
        s.put("generatorCpuUsPerDelivery", delivered == 0 ? null : round(self * 1e4 / delivered, 2));
        s.put("duplicates", duplicates - dup0);
        s.put("serverRssKb", serverRssKb());
        log("%-6s %6.0f msg/s offered, %6.0f sent: %8.0f deliveries/s, p50 %.2f p99 %.2f p99.9 %.2f ms, server %.0f%% CPU (waited %.0f%%) %s us/delivery, db %s%%, generator %.0f%%",
                name, rate, (sent - sent0) / elapsed, delivered / elapsed, h.quantile(0.5) / 1000.0, h.quantile(0.99) / 1000.0,
                h.quantile(0.999) / 1000.0, cpu / elapsed, waited / 1e7 / elapsed, s.get("serverCpuUsPerDelivery"), s.get("dbCpuPct"), self / elapsed);
        if (hosts.length > 1) log("%-6s latency to a socket on the sender's node p50 %s p99 %s ms, on the other node p50 %s p99 %s ms",
                name, s.get("sameNodeP50Ms"), s.get("sameNodeP99Ms"), s.get("crossNodeP50Ms"), s.get("crossNodeP99Ms"));
        return s;
    }

    /** Waits until every sent message is acked (or failed) and every expected delivery has arrived, up to a limit. */
    void drain(List<Conn> senders) throws IOException {
        long deadline = System.nanoTime() + (long) (dblOpt("drain-seconds", 30) * 1e9);
        while (System.nanoTime() < deadline) {
            boolean idle = senders.stream().allMatch(c -> c.inFlight <= 0 || c.state != Conn.READY);
            if (idle && outstanding() == 0) return;
            if (idle && System.nanoTime() - lastProgress > 3_000_000_000L) break; // all acked, nothing arriving: lost
            poll(5);
        }
        log("drain ended: %d in flight, %d deliveries outstanding", senders.stream().mapToInt(c -> c.inFlight).sum(), outstanding());
    }

    long outstanding() {
        long missing = 0;
        for (int m = 0; m < msgCount; m++) if (msgAcked[m]) missing += Math.max(0, msgExpected[m] - msgGot[m]);
        return missing;
    }

    /** The loss and duplicate totals of the whole workload, after a last drain. */
    void finish(List<Conn> conns, Map<String, Object> out) throws IOException {
        long expected = 0, received = 0, unacked = 0;
        for (int m = 0; m < msgCount; m++) {
            if (msgAcked[m]) {
                expected += msgExpected[m];
                received += Math.min(msgGot[m], msgExpected[m]);
            } else unacked++;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("messagesSent", sent);
        d.put("messagesAcked", acked);
        d.put("ackErrors", ackErrors);
        d.put("firstAckError", firstAckError);
        d.put("unackedMessages", unacked);
        d.put("expectedDeliveries", expected);
        d.put("receivedDeliveries", received);
        d.put("lost", expected - received);
        d.put("duplicates", duplicates);
        d.put("unknownMessages", unknown);
        d.put("otherFramesReceived", otherFrames);
        d.put("socketsFailedAfterReady", conns.stream().filter(c -> c.state == Conn.FAILED && c.readyAt != 0).count());
        out.put("deliveries", d);
        out.put("serverRssKb", serverRssKb());
    }

    // ---- one WebSocket client connection ----

    final class Conn {
        static final int NEW = 0, CONNECTING = 1, UPGRADING = 2, OPENING = 3, READY = 4, FAILED = 5;
        final int idx, node;
        final String user, token;
        int room = -1;
        String roomName;
        int state = NEW;
        SocketChannel ch;
        SelectionKey key;
        byte[] carry;
        ByteArrayOutputStream frag;
        final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
        final BitSet seen = new BitSet();
        int inFlight;
        long readyAt;
        String failure;

        Conn(int idx, String user, String token) {
            this.idx = idx;
            this.node = idx % hosts.length;
            this.user = user;
            this.token = token;
        }

        void open(Selector sel, InetSocketAddress to, long t0) throws IOException {
            ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true); // small frames, no Nagle delay
            ch.bind(new InetSocketAddress(source(idx), 0));
            state = CONNECTING;
            if (ch.connect(to)) {
                key = ch.register(sel, SelectionKey.OP_READ, this);
                upgrade();
            } else key = ch.register(sel, SelectionKey.OP_CONNECT, this);
        }

        void connected() throws IOException {
            ch.finishConnect();
            key.interestOps(SelectionKey.OP_READ);
            upgrade();
        }

        void upgrade() throws IOException {
            state = UPGRADING;
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String req = "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: " + hosts[node] + ":" + ports[node]
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                    + java.util.Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n";
            write(ByteBuffer.wrap(req.getBytes(StandardCharsets.ISO_8859_1)));
        }

        void sendText(String text) throws IOException { send(0x81, text.getBytes(StandardCharsets.UTF_8)); }

        void send(int first, byte[] payload) throws IOException {
            if (state == FAILED) return;
            int n = payload.length, hl = n < 126 ? 2 : n < 65536 ? 4 : 10;
            ByteBuffer f = ByteBuffer.allocate(hl + 4 + n);
            f.put((byte) first);
            if (n < 126) f.put((byte) (0x80 | n));
            else if (n < 65536) f.put((byte) (0x80 | 126)).putShort((short) n);
            else f.put((byte) (0x80 | 127)).putLong(n);
            int mask = ThreadLocalRandom.current().nextInt();
            f.putInt(mask);
            for (int i = 0; i < n; i++) f.put((byte) (payload[i] ^ (mask >>> (24 - 8 * (i & 3)))));
            f.flip();
            write(f);
        }

        void write(ByteBuffer b) throws IOException {
            if (out.isEmpty()) {
                try {
                    ch.write(b);
                } catch (IOException e) {
                    fail("write: " + e.getMessage());
                    return;
                }
                if (!b.hasRemaining()) return;
                key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
            }
            out.add(b);
        }

        void flush() throws IOException {
            while (!out.isEmpty()) {
                ByteBuffer b = out.peek();
                ch.write(b);
                if (b.hasRemaining()) return;
                out.poll();
            }
            key.interestOps(SelectionKey.OP_READ);
        }

        void fail(String why) {
            if (state == FAILED) return;
            state = FAILED;
            failure = why;
            inFlight = 0;
            try {
                ch.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    // ---- latency histogram: 1 µs buckets below 1 ms, then 128 sub-buckets per power of two ----

    static final class Hist {
        final long[] counts = new long[1024 + 40 * 128];
        long total, max;

        void record(long us) {
            if (us < 0) us = 0;
            total++;
            if (us > max) max = us;
            counts[bucket(us)]++;
        }

        static int bucket(long v) {
            if (v < 1024) return (int) v;
            int e = 63 - Long.numberOfLeadingZeros(v);
            return Math.min(1024 + (e - 10) * 128 + (int) ((v >> (e - 7)) & 127), 1024 + 40 * 128 - 1);
        }

        static long value(int b) {
            if (b < 1024) return b;
            int e = (b - 1024) / 128 + 10, sub = (b - 1024) % 128;
            return (1L << e) + ((long) sub << (e - 7));
        }

        long quantile(double q) {
            if (total == 0) return 0;
            long rank = (long) Math.ceil(q * total), seen = 0;
            for (int i = 0; i < counts.length; i++) if ((seen += counts[i]) >= rank) return value(i);
            return max;
        }
    }

    // ---- /proc ----

    /** utime + stime in clock ticks (1/100 s) of a process; pid 0 is this one. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of(pid == 0 ? "/proc/self/stat" : "/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Time the server's threads spent runnable but waiting for a CPU (sum over /proc/pid/task/x/schedstat):
     * on a busy machine it shows how much of a step the server could not run for others' work.
     */
    static long runQueueNanos(long pid) {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    sum += Long.parseLong(Files.readString(t.resolve("schedstat")).trim().split(" ")[1]);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }

    /**
     * A JVM server's live heap in bytes, after the full GC that a class histogram forces (as
     * bench/idle-heap.sh measures it); -1 for a server that is not a JVM (the peer) or without jcmd.
     */
    static long liveHeapBytes(long pid) {
        try {
            if (pid <= 0 || !Files.readString(Path.of("/proc/" + pid + "/cmdline")).contains("java")) return -1;
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
            String last = "";
            try (BufferedReader in = new BufferedReader(new InputStreamReader(jcmd.getInputStream()))) {
                for (String line; (line = in.readLine()) != null; ) if (!line.isBlank()) last = line.trim();
            }
            jcmd.waitFor();
            String[] total = last.split("\\s+"); // "Total <instances> <bytes>"
            return total.length == 3 && total[0].equals("Total") ? Long.parseLong(total[2]) : -1;
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return -1;
        }
    }

    static long serverTicks() { return Arrays.stream(serverPids).map(Generator::cpuTicks).sum(); }
    static long serverRunQueueNanos() { return Arrays.stream(serverPids).map(Generator::runQueueNanos).sum(); }
    static long serverRssKb() { return Arrays.stream(serverPids).map(Generator::rssKb).sum(); }
    static long serverLiveHeapBytes() {
        long sum = 0;
        for (long pid : serverPids) {
            long live = liveHeapBytes(pid);
            if (live < 0) return -1;
            sum += live;
        }
        return sum;
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status")))
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        } catch (IOException e) {
            // gone
        }
        return 0;
    }

    /** CPU ticks of the PostgreSQL backends serving the benchmark database (Parley's work includes the DB's). */
    static long dbTicks() {
        if (db == null) return 0;
        try {
            Process p = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-Atc",
                    "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")
                    .redirectErrorStream(true).start();
            String pids = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            long sum = 0;
            for (String pid : pids.split("\\s+")) if (pid.matches("\\d+")) sum += cpuTicks(Long.parseLong(pid));
            return sum;
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    // ---- small helpers ----

    static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (at + prefix.length > b.length) return false;
        for (int i = 0; i < prefix.length; i++) if (b[at + i] != prefix[i]) return false;
        return true;
    }

    static int indexOf(byte[] b, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (b[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    static Object round(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return null;
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static String json(Object o) {
        if (o == null) return "null";
        if (o instanceof String s) return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ") + "\"";
        if (o instanceof Number || o instanceof Boolean) return o.toString();
        if (o instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) sb.append(sb.length() > 1 ? "," : "").append(json(e.getKey().toString())).append(':').append(json(e.getValue()));
            return sb.append('}').toString();
        }
        if (o instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object x : l) sb.append(sb.length() > 1 ? "," : "").append(json(x));
            return sb.append(']').toString();
        }
        return json(o.toString());
    }
}
