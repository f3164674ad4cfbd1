package dev.parley.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What a test writes down the first time a request to a server times out: that server's threads
 * ({@code jcmd Thread.print}, when it is a process on this machine), this test runner's, and the
 * database's busy sessions with what blocks them, in {@code target/stuck-*.txt}, which
 * {@code .ci/diagnose} prints. Once a server stops answering, every later test waits out its timeout;
 * by then only a dump taken at the first one says whether the server hung (and where) or the client
 * did.
 */
final class Stuck {
    private static final Path TARGET = Path.of(System.getProperty("basedir", ".")).resolve("target");
    private static final Map<Integer, Boolean> DUMPED = new ConcurrentHashMap<>();

    private Stuck() {
    }

    /** Dumps the threads of the server at {@code base} and of this JVM, once per port. */
    static void timedOut(String base) {
        int port = URI.create(base).getPort();
        if (DUMPED.putIfAbsent(port, true) != null) return;
        try {
            Files.createDirectories(TARGET);
            StringBuilder own = new StringBuilder();
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                own.append('"').append(thread.getName()).append("\"\n   java.lang.Thread.State: ").append(thread.getState()).append('\n');
                for (StackTraceElement frame : stack) own.append("\tat ").append(frame).append('\n');
                own.append('\n');
            });
            Files.writeString(TARGET.resolve("stuck-client-" + port + ".txt"), own);
            Files.writeString(TARGET.resolve("stuck-database.txt"), openTransactions());
            var server = ServerHeap.process(base);
            if (server.isEmpty()) return;
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(server.get().pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(TARGET.resolve("stuck-server-" + port + ".txt").toFile()).start();
            jcmd.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not dump the threads of a server that timed out: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What each of the database's busy sessions waits for, and who holds it up: a row lock left held shows here. */
    private static String openTransactions() {
        StringBuilder rows = new StringBuilder("pid | database | state | waits for | on | blocked by | in transaction | query\n");
        try (Connection c = TestDatabase.connect(TestDatabase.ADMIN_URL); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pid, datname, state, wait_event_type, wait_event, pg_blocking_pids(pid),"
                     + " date_trunc('second', now() - xact_start), left(query, 100) FROM pg_stat_activity"
                     + " WHERE datname LIKE 'parley%' AND state <> 'idle' ORDER BY xact_start")) {
            while (r.next()) {
                for (int i = 1; i <= 8; i++) rows.append(i > 1 ? " | " : "").append(r.getString(i));
                rows.append('\n');
            }
        } catch (SQLException e) {
            rows.append("could not be read: ").append(e.getMessage()).append('\n');
        }
        return rows.toString();
    }
}
