package dev.parley.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test server's live heap: a full GC run in it ({@code jcmd <pid> GC.run}, the server being a
 * process on this machine), then {@code memory_usedHeap_bytes} from its {@code /metrics}. Without the
 * GC the used heap swings by the size of the young generation (hundreds of MB), which would hide a
 * queue of tens.
 */
public final class ServerHeap {
    private static final Pattern USED = Pattern.compile("^memory_usedHeap_bytes\\{[^}]*} ([0-9.E+-]+)$", Pattern.MULTILINE);

    private ServerHeap() {
    }

    /** Bytes of heap in use right after a full GC of the Payara Micro listening on {@code base}'s port. */
    public static long liveBytes(String base) {
        ProcessHandle server = process(base)
                .orElseThrow(() -> new IllegalStateException("No Payara Micro on port " + URI.create(base).getPort() + " on this machine"));
        try {
            Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(server.pid()), "GC.run").redirectErrorStream(true).start();
            String output = new String(gc.getInputStream().readAllBytes());
            if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) throw new IllegalStateException("jcmd GC.run: " + output);
        } catch (IOException e) {
            throw new IllegalStateException("jcmd GC.run failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Matcher m = USED.matcher(new Api(base).get("/metrics", null).body());
        if (!m.find()) throw new IllegalStateException("memory_usedHeap_bytes missing from /metrics");
        return (long) Double.parseDouble(m.group(1));
    }

    /** The process id of the Payara Micro listening on {@code base}'s port (for readings from /proc). */
    public static long pid(String base) {
        return process(base).orElseThrow(() -> new IllegalStateException("No Payara Micro on port " + URI.create(base).getPort())).pid();
    }

    /** The Payara Micro process listening on {@code base}'s port, if it runs on this machine. */
    static Optional<ProcessHandle> process(String base) {
        String port = Integer.toString(URI.create(base).getPort());
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> isServer(List.of(a), port)).orElse(false))
                .findFirst();
    }

    private static boolean isServer(List<String> args, String port) {
        int at = args.indexOf("--port");
        return at >= 0 && at + 1 < args.size() && args.get(at + 1).equals(port)
                && args.stream().anyMatch(a -> a.endsWith("payara-micro.jar"));
    }
}
