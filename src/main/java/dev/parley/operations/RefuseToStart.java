package dev.parley.operations;

import java.util.logging.Logger;

/**
 * A setting that cannot be honoured stops the server, rather than leaving it running without Parley:
 * a deployment that throws leaves Payara Micro's process up (it prints "ready" too; Payara issue
 * #3910) and WildFly's, where a supervisor (systemd, Docker, Kubernetes) would not see it fail.
 */
public final class RefuseToStart {
    private RefuseToStart() {
    }

    /**
     * Logs {@code why} (which must hold no secret), exits the process with status 1 from a thread of
     * its own (the deployment thread goes on to fail, so the container's shutdown does not wait on
     * it), and returns the exception for the caller to throw, which fails the deployment meanwhile.
     */
    public static IllegalStateException because(Logger log, String why) {
        log.severe(() -> "Parley stops: " + why);
        Thread exit = new Thread(() -> System.exit(1), "parley-refuses-to-start");
        exit.setDaemon(false);
        exit.start();
        return new IllegalStateException(why);
    }
}
