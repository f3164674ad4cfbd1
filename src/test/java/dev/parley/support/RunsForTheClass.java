package dev.parley.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server (or a cluster of them) that a test class registers as a JUnit extension
 * ({@code @RegisterExtension static final ...}): started before the class's first test, stopped after its last.
 */
public interface RunsForTheClass extends BeforeAllCallback, AfterAllCallback, AutoCloseable {
    /** Starts, and returns once ready. */
    Object start();

    @Override
    void close();

    @Override
    default void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    default void afterAll(ExtensionContext context) {
        close();
    }
}
