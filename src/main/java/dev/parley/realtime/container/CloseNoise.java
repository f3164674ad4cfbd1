package dev.parley.realtime.container;

import java.util.concurrent.CancellationException;
import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * Closing a WebSocket from outside a request thread (a slow client cut off, from the thread that
 * queued the frame past its bound) is legal JSR-356, but Payara 6.2025.10 logs it with a stack trace:
 * Tyrus 2.1.5's servlet writer logs the cancelled pending write at WARNING, and Payara's connector
 * then fails finishing the upgraded request's response (a NullPointerException on its Grizzly output
 * buffer) and logs that at WARNING too. The client is cut as intended; only these two records are
 * dropped, every other record of those loggers still shows. Remove when Tyrus and Payara close an
 * upgraded connection quietly (found by faults/MalformedFramesIT and realtime/FanOutIT).
 */
final class CloseNoise {
    private static final Logger TYRUS_WRITER = Logger.getLogger("org.glassfish.tyrus.servlet.TyrusServletWriter");
    private static final Logger CONNECTOR = Logger.getLogger("jakarta.enterprise.web");

    private CloseNoise() {
    }

    /** Held by the class: java.util.logging keeps loggers weakly, and a collected one would forget its filter. */
    static void quiet() {
        TYRUS_WRITER.setFilter(keepUnless(TYRUS_WRITER.getFilter(), CloseNoise::cancelledWrite));
        CONNECTOR.setFilter(keepUnless(CONNECTOR.getFilter(), CloseNoise::finishingClosedResponse));
    }

    private interface Noise {
        boolean is(Throwable thrown);
    }

    private static Filter keepUnless(Filter before, Noise noise) {
        return record -> (record.getThrown() == null || !noise.is(record.getThrown()))
                && (before == null || before.isLoggable(record));
    }

    private static boolean cancelledWrite(Throwable thrown) {
        return thrown instanceof CancellationException;
    }

    private static boolean finishingClosedResponse(Throwable thrown) {
        StackTraceElement[] stack = thrown.getStackTrace();
        return thrown instanceof NullPointerException && stack.length > 0
                && stack[0].getClassName().equals("org.apache.catalina.connector.OutputBuffer")
                && stack[0].getMethodName().equals("close");
    }
}
