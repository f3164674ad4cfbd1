package dev.parley.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** One of the Node.js example clients in {@code examples/}, run as a process: its output read line by line, its input typed. */
public final class NodeScript implements AutoCloseable {
    public static final Path EXAMPLES = Path.of(System.getProperty("basedir", ".")).resolve("examples").toAbsolutePath();
    private static final long TIMEOUT_SECONDS = 20;
    /** What npm and the version checks print. */
    private static final Path TOOL_LOG = Path.of(System.getProperty("basedir", ".")).resolve("target/examples-tools.log").toAbsolutePath();
    private static volatile boolean installed;

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final Writer input;

    private NodeScript(List<String> command) throws IOException {
        process = new ProcessBuilder(command).directory(EXAMPLES.toFile()).redirectErrorStream(true).start();
        input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) lines.add(line);
            } catch (IOException ignored) {
                // the process ended
            }
        }, "node-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code node script args...} in {@code examples/}, after installing its dependencies if they are missing. */
    public static NodeScript start(String script, String... args) {
        installOnce();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        try {
            return new NodeScript(command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code npm ci} when {@code examples/node_modules} is missing: at test time, so that the WAR builds with Maven alone. */
    private static synchronized void installOnce() {
        if (installed) return;
        version("node");
        if (!Files.isDirectory(EXAMPLES.resolve("node_modules/socket.io-client"))) {
            version("npm");
            assertEquals(0, run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300), "npm ci in " + EXAMPLES + " (output in " + TOOL_LOG + ")");
        }
        installed = true;
    }

    private static void version(String tool) {
        try {
            if (run(List.of(tool, "--version"), 30) == 0) return;
        } catch (UncheckedIOException missing) {
            // reported below
        }
        fail(tool + " is needed to run the example clients in examples/ (Node.js 18 or newer with npm)");
    }

    private static int run(List<String> command, long timeoutSeconds) {
        try {
            // Not inheritIO(): stdin and stdout of a failsafe fork are its channel to Maven, and Node
            // makes an inherited stdin non-blocking, which broke the fork's reads ("std/in stream corrupted").
            Process p = new ProcessBuilder(command).directory(EXAMPLES.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(TOOL_LOG.toFile())).start();
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " took longer than " + timeoutSeconds + " s (output in " + TOOL_LOG + ")");
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next output line that matches, skipping the others; fails after the timeout. */
    public String awaitLine(String what, Predicate<String> matches) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
                if (line == null) fail("no line with " + what + " within " + TIMEOUT_SECONDS + " s; output so far:\n" + String.join("\n", seen));
                seen.add(line);
                if (matches.test(line)) return line;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next output line that contains {@code text}. */
    public String awaitLine(String text) {
        return awaitLine("'" + text + "'", line -> line.contains(text));
    }

    /** Types a line, as a user at the console would. */
    public void type(String line) {
        try {
            input.write(line + "\n");
            input.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exit code, once the process has ended by itself. */
    public int awaitExit() {
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) fail("still running after " + TIMEOUT_SECONDS + " s");
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
