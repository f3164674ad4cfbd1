package dev.parley.bench;

import dev.parley.support.Api;
import dev.parley.support.ServerHeap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The soak of issue #21: {@link SoakTraffic} against a running Parley for a long time, sampled at the
 * start and every few minutes, and judged by {@link #growth}. Run by bench/soak.sh (30 minutes) and
 * by operations/SoakIT (3 minutes); docs/performance.md "Soak" says what the margins are and why.
 *
 * <p>A sample holds the traffic's sockets still (see {@link SoakTraffic#hold}), reads the heap after a
 * full GC ({@code jcmd GC.run}, then {@code /metrics}), the server's threads and open files from
 * /proc, and the database's connections from {@code pg_stat_activity}, then waits up to 90 s for the
 * server's {@code parley_connected_sockets} and {@code parley_room_sockets} to match the sockets the
 * soak has open.
 *
 * <p>Arguments: {@code --base URL --db NAME [--minutes 30] [--every 3] [--warmup 3] [--users 24]
 * [--pool 32] [--admin-url jdbc:postgresql://127.0.0.1:5432/postgres] [--db-user postgres]}; the
 * exit status is 1 when the soak grew.
 */
public final class Soak {
    private static final Duration SETTLE = Duration.ofSeconds(90);

    /** One reading; {@code seconds} since the traffic started, {@code open} the sockets the soak had open. */
    public record Sample(long seconds, long heapBytes, int threads, int openFiles, long gauge, long inRooms, int open, int dbConnections) {
        String row() {
            return String.format(Locale.ROOT, "| %d:%02d | %.1f | %d | %d | %d / %d / %d | %d |", seconds / 60, seconds % 60,
                    heapBytes / 1048576.0, threads, openFiles, gauge, inRooms, open, dbConnections);
        }
    }

    /**
     * What counts as growth between the first sample after the warm-up and the last one under traffic:
     * heap after GC up by more than both {@code heapBytes} and {@code heapFraction} of where it was,
     * threads or open files up by more than their margin; and at any sample a count of sockets
     * (connected, or in rooms) unlike the sockets open, or more database connections than the pool holds.
     */
    public record Margins(long heapBytes, double heapFraction, int threads, int openFiles, int pool) {
        public static Margins defaults(int pool) {
            return new Margins(32L << 20, 0.25, 24, 64, pool);
        }
    }

    public static final String HEADER = "| time (m:s) | heap after GC (MB) | threads | open files | sockets: counted / in rooms / open | DB connections |\n"
            + "|---|---|---|---|---|---|";

    private final String base;
    private final long pid;
    private final String adminUrl;
    private final String dbUser;
    private final String database;
    private final Api api;

    public Soak(String base, String adminUrl, String dbUser, String database) {
        this.base = base;
        this.pid = ServerHeap.pid(base);
        this.adminUrl = adminUrl;
        this.dbUser = dbUser;
        this.database = database;
        this.api = new Api(base);
    }

    /**
     * Runs the traffic for {@code length}, a sample at the start and every {@code every}, and one more
     * after every socket is closed (its {@code open} is 0); each sample also goes to {@code progress}.
     */
    public List<Sample> run(int users, Duration length, Duration every, Consumer<String> progress) throws Exception {
        List<Sample> samples = new ArrayList<>();
        long start;
        try (SoakTraffic traffic = new SoakTraffic(base).prepare(users)) {
            start = System.nanoTime();
            traffic.start();
            traffic.hold();
            try {
                samples.add(sample(start, traffic::open));
            } finally {
                traffic.release();
            }
            progress.accept(samples.get(0).row());
            long end = start + length.toNanos();
            for (long next = start + every.toNanos(); next <= end + 1_000_000_000L; next += every.toNanos()) {
                long wait = next - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000); // the pace of sampling, not a wait for an event
                traffic.hold();
                try {
                    samples.add(sample(start, traffic::open));
                } finally {
                    traffic.release();
                }
                progress.accept(samples.get(samples.size() - 1).row());
            }
            progress.accept("traffic: " + traffic.counts());
        }
        samples.add(sample(start, () -> 0));
        progress.accept(samples.get(samples.size() - 1).row() + " (every socket closed)");
        return samples;
    }

    /**
     * What grew, in words (empty when nothing did); {@code warmup} samples are left out of the
     * comparison, and the last sample is the one after every socket closed.
     */
    public static List<String> growth(List<Sample> samples, int warmup, Margins margins) {
        List<String> found = new ArrayList<>();
        for (Sample s : samples) {
            if (s.gauge() != s.open()) found.add("at " + s.seconds() + " s parley_connected_sockets was " + s.gauge() + " with " + s.open() + " open");
            if (s.inRooms() != s.open()) found.add("at " + s.seconds() + " s parley_room_sockets was " + s.inRooms() + " with " + s.open() + " open");
            if (s.dbConnections() > margins.pool()) found.add("at " + s.seconds() + " s " + s.dbConnections() + " database connections, over the pool's " + margins.pool());
        }
        if (samples.size() < warmup + 3) {
            found.add("too few samples to compare: " + samples.size());
            return found;
        }
        Sample first = samples.get(warmup);
        Sample last = samples.get(samples.size() - 2);
        long heapGrowth = last.heapBytes() - first.heapBytes();
        if (heapGrowth > margins.heapBytes() && heapGrowth > margins.heapFraction() * first.heapBytes()) {
            found.add(String.format(Locale.ROOT, "heap after GC grew by %.1f MB (%.0f%%) from %d s to %d s",
                    heapGrowth / 1048576.0, 100.0 * heapGrowth / first.heapBytes(), first.seconds(), last.seconds()));
        }
        if (last.threads() - first.threads() > margins.threads()) {
            found.add("threads grew from " + first.threads() + " to " + last.threads());
        }
        if (last.openFiles() - first.openFiles() > margins.openFiles()) {
            found.add("open files grew from " + first.openFiles() + " to " + last.openFiles());
        }
        return found;
    }

    private interface Count {
        int get();
    }

    private Sample sample(long start, Count open) throws Exception {
        long heap = ServerHeap.liveBytes(base);
        int threads = threads();
        int files = openFiles();
        int db = dbConnections();
        // a socket's close reaches the server a moment after the client's (a dropped one, after the ping
        // timeout, 45 s): await the server's counts agreeing with the sockets open, and keep what was compared
        long[] seen = new long[3];
        try {
            Awaitility.await().atMost(SETTLE).pollInterval(Duration.ofMillis(250)).until(() -> {
                seen[0] = open.get();
                seen[1] = metric("parley_connected_sockets");
                seen[2] = metric("parley_room_sockets");
                return seen[1] == seen[0] && seen[2] == seen[0];
            });
        } catch (ConditionTimeoutException disagreeing) {
            // kept as seen last: the sample records the disagreement, and the run fails on it
        }
        return new Sample((System.nanoTime() - start) / 1_000_000_000L, heap, threads, files, seen[1], seen[2], (int) seen[0], db);
    }

    private long metric(String name) {
        return Math.round(api.metric(name));
    }

    private int threads() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("Threads:")) return Integer.parseInt(line.replaceAll("[^0-9]", ""));
        }
        throw new IllegalStateException("no Threads in /proc/" + pid + "/status");
    }

    private int openFiles() throws Exception {
        try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return (int) fds.count();
        }
    }

    private int dbConnections() throws Exception {
        try (var c = DriverManager.getConnection(adminUrl, dbUser, "");
             var q = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
            q.setString(1, database);
            try (var r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        String base = null;
        String db = null;
        String adminUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
        String dbUser = "postgres";
        int minutes = 30;
        int every = 3;
        int warmup = 3;
        int users = 24;
        int pool = 32;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--base" -> base = v;
                case "--db" -> db = v;
                case "--admin-url" -> adminUrl = v;
                case "--db-user" -> dbUser = v;
                case "--minutes" -> minutes = Integer.parseInt(v);
                case "--every" -> every = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--users" -> users = Integer.parseInt(v);
                case "--pool" -> pool = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (base == null || db == null) throw new IllegalArgumentException("--base and --db are required");
        System.out.println(HEADER);
        List<Sample> samples = new Soak(base, adminUrl, dbUser, db).run(users, Duration.ofMinutes(minutes), Duration.ofMinutes(every), System.out::println);
        List<String> grew = growth(samples, Math.max(1, (warmup + every - 1) / every), Margins.defaults(pool));
        System.out.println(grew.isEmpty() ? "flat: nothing grew past its margin (docs/performance.md, Soak)" : "GREW: " + String.join("; ", grew));
        System.exit(grew.isEmpty() ? 0 : 1);
    }
}
