package dev.parley.support;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops the Payara Micro that the build started for the tests: the one serving this checkout's WAR on
 * the test port. payara-micro-maven-plugin 2.5.2's stop goal instead kills the first process in
 * {@code jps -v} whose command line has this project's {@code -Dgav=}, which on a machine where
 * several checkouts build at once is as likely another build's server as this one's (StopMojo has no
 * way to know the process it started). Back to the plugin's goal when it stops its own process.
 */
public final class StopServer {
    private StopServer() {
    }

    /** {@code port war} */
    public static void main(String[] args) throws Exception {
        String port = args[0];
        String war = args[1];
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> isServer(List.of(a), port, war)).orElse(false))
                .toList();
        for (ProcessHandle server : servers) server.destroy();
        for (ProcessHandle server : servers) {
            try {
                server.onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException stuck) {
                server.destroyForcibly();
            }
            System.out.println("Stopped the test server on port " + port + " (pid " + server.pid() + ")");
        }
        if (servers.isEmpty()) System.out.println("No test server on port " + port + " to stop");
    }

    private static boolean isServer(List<String> args, String port, String war) {
        int at = args.indexOf("--port");
        return at >= 0 && at + 1 < args.size() && args.get(at + 1).equals(port) && args.contains(war)
                && args.stream().anyMatch(a -> a.endsWith("payara-micro.jar"));
    }
}
