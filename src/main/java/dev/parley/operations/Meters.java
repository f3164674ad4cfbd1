package dev.parley.operations;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Parley's counters and gauges, through whatever metrics the server has: the one seam between the
 * application and a metrics API. Payara serves MicroProfile Metrics on {@code /metrics}
 * ({@link MpMeters}); WildFly 38 has no MicroProfile Metrics (Micrometer, configured by the server,
 * instead), so there Parley keeps the figures itself ({@link OwnMeters}) and serves {@code /metrics}
 * in the same Prometheus text itself ({@link OperationsEndpoints}). Picked once, at startup, by
 * whether the MicroProfile Metrics API can be loaded; nothing outside these classes names either.
 */
@ApplicationScoped
public class Meters {
    private static final Logger LOG = Logger.getLogger(Meters.class.getName());
    /** Whether the server offers MicroProfile Metrics (and, with it, serves /metrics and /health itself). */
    public static final boolean SERVER_METRICS = loadable("org.eclipse.microprofile.metrics.MetricRegistry");

    private MeterRegistry registry;

    @PostConstruct
    void pick() {
        registry = SERVER_METRICS ? MpMeters.create() : OwnMeters.INSTANCE;
    }

    /** One monotonically rising count; exported as {@code <name>_total}. */
    public interface Counter {
        void inc(long by);

        default void inc() {
            inc(1);
        }
    }

    public Counter counter(String name, String description) {
        return registry.counter(name, description)::accept;
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        registry.gauge(name, description, value);
    }

    private static boolean loadable(String name) {
        try {
            Class.forName(name, false, Meters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.info(() -> "No MicroProfile Metrics on this server: Parley serves /metrics and /health itself");
            return false;
        }
    }
}
