package dev.parley.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Parley server of a test's own, for what the shared test server cannot give: settings of its own
 * (short session lifetimes, the default limits), or being killed and started again. It runs the
 * build's WAR on the build's Payara Micro jar, with the same pre-boot commands as the shared server,
 * on a PostgreSQL database of its own that {@link #start} makes fresh and {@link #restart} keeps.
 *
 * <p>Ports come from {@code parley.it.own-port} (the build sets it from the test port, so that two
 * checkouts building at once do not collide); each server a test class starts takes the next one.
 *
 * <p>A test class that needs one server for all its tests registers it as a JUnit extension, started
 * before the first test and stopped after the last:
 * {@code @RegisterExtension static final OwnServer server = OwnServer.named("x", 1).with(...);}
 */
public final class OwnServer implements RunsForTheClass {
    private static final int BASE_PORT = Integer.getInteger("parley.it.own-port", 8191);
    private static final Path TARGET = Path.of(System.getProperty("parley.it.target", "target")).toAbsolutePath();
    private static final Path ROOT = TARGET.getParent();

    private final String name;
    private final int port;
    private String database;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<String> clustering = new ArrayList<>();
    private boolean embedded;
    private Process process;

    private OwnServer(String name, int port) {
        if (!name.matches("[a-z][a-z0-9_]*")) throw new IllegalArgumentException("Bad server name " + name);
        this.name = name;
        this.port = port;
        this.database = System.getProperty("parley.it.db.name", "parley_it") + "_" + name;
    }

    /**
     * A server named {@code name} (also its database's suffix and log file) on the own-port base plus
     * {@code portOffset}; give each server of the suite its own offset (0 to 9).
     */
    public static OwnServer named(String name, int portOffset) {
        return new OwnServer(name, BASE_PORT + portOffset);
    }

    /** A server on exactly this HTTP port (a cluster node's, see {@link ClusterNodes}). */
    public static OwnServer onPort(String name, int port) {
        return new OwnServer(name, port);
    }

    /**
     * A node of the Hazelcast cluster {@code clusterName} on loopback, its member port {@code hzPort},
     * joining the members at {@code memberPorts} by TCP/IP (no multicast), as README's "Running several
     * nodes" starts one; instead of {@code --nohazelcast}.
     */
    public OwnServer clustered(String clusterName, int hzPort, List<Integer> memberPorts) {
        clustering.clear();
        clustering.addAll(List.of("--clustername", clusterName, "--interfaces", "127.0.0.1",
                "--clustermode", "tcpip:" + String.join(",", memberPorts.stream().map(p -> "127.0.0.1:" + p).toList()),
                "--startport", Integer.toString(hzPort), "--name", name));
        return this;
    }

    /** On the database of {@code other} (cluster nodes share one); {@link #launch} then does not make it fresh. */
    public OwnServer sharingDatabaseOf(OwnServer other) {
        this.database = other.database;
        return this;
    }

    /** A Parley setting (an MP Config property, {@code parley.token-ttl} say) for this server. */
    public OwnServer with(String property, String value) {
        settings.put(property, value);
        return this;
    }

    /**
     * Parley's default embedded H2 database in the server's data folder, no PostgreSQL: no database
     * URL, user or password is given, as when someone runs Parley with nothing set.
     */
    public OwnServer embedded() {
        embedded = true;
        return this;
    }

    /** The server's data folder ({@code parley.data-dir}). */
    public Path dataDir() {
        return TARGET.resolve("own-" + name + "-data");
    }

    /** The database URL the server uses unless {@code parley.db.url} is set with {@link #with}. */
    public String databaseUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + database;
    }

    /** The name of the server's PostgreSQL database (for a URL through a proxy, say). */
    public String databaseName() {
        return database;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Api api() {
        return new Api(url());
    }

    /** Starts the server on a fresh database and waits until it is ready. */
    @Override
    public OwnServer start() {
        if (!embedded) {
            try {
                FreshDatabase.recreate(TestDatabase.ADMIN_URL, TestDatabase.USER, database);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot make the database " + database, e);
            }
        }
        deleteData();
        return launch();
    }

    /** Starts the process on the database as it is, without waiting: {@link #awaitReady} then. */
    public OwnServer spawn() {
        deleteData();
        spawnProcess();
        return this;
    }

    /** Starts the process again on the database and data folder it had, without waiting (one that should refuse to start, say). */
    public OwnServer respawn() {
        if (process != null && process.isAlive()) throw new IllegalStateException(name + " is still running");
        spawnProcess();
        return this;
    }

    /** The exit status of a process that stops by itself within {@code time}; killed and an error if it does not. */
    public int awaitExitWithin(Duration time) {
        try {
            if (process.waitFor(time.toMillis(), TimeUnit.MILLISECONDS)) return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        throw new IllegalStateException(name + " still ran after " + time + "; see " + log());
    }

    /** Waits until the server answers {@code /health/ready}; kills it if it does not in time. */
    public OwnServer awaitReady() {
        try {
            Server.awaitReady(url(), Duration.ofMinutes(3));
        } catch (RuntimeException notReady) {
            kill();
            throw new IllegalStateException(name + " did not become ready; see " + log(), notReady);
        }
        return this;
    }

    /** Starts the server again on the database and data folder it had. */
    public OwnServer restart() {
        if (process != null && process.isAlive()) throw new IllegalStateException(name + " is still running");
        return launch();
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash or an OOM killer would. */
    public void kill() {
        if (process == null) return;
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM, as an orderly shutdown. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        awaitExit();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The server's own log, for a failing test to show. */
    public Path log() {
        return TARGET.resolve("own-" + name + ".log");
    }

    private OwnServer launch() {
        spawnProcess();
        return awaitReady();
    }

    private void spawnProcess() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dparley.data-dir=" + dataDir());
        if (!embedded) {
            command.add("-Dparley.db.url=" + databaseUrl());
            command.add("-Dparley.db.user=" + TestDatabase.USER);
            command.add("-Dparley.db.password=");
        }
        command.add("-Dparley.guest-access=true");
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (!clustering.isEmpty()) {
            // as the README's cluster nodes: loopback only, and a dead or silent member noticed within 15 s
            command.addAll(List.of("-Dhazelcast.socket.bind.any=false", "-Dhazelcast.heartbeat.interval.seconds=1",
                    "-Dhazelcast.max.no.heartbeat.seconds=15"));
        }
        command.addAll(List.of("-jar", TARGET.resolve("payara-micro.jar").toString()));
        if (clustering.isEmpty()) command.add("--nohazelcast");
        else command.addAll(clustering);
        command.addAll(List.of("--port", Integer.toString(port), "--contextroot", "/",
                "--prebootcommandfile", ROOT.resolve("payara-config/pre-boot-commands.asadmin").toString(),
                "--deploy", TARGET.resolve("parley.war").toString()));
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    private void awaitExit() {
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + " did not exit", e);
        }
    }

    private void deleteData() {
        Path dir = dataDir();
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
