package dev.parley.operations;

import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.inject.Inject;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** {@link Meters} on MicroProfile Metrics (Payara). Loaded only where that API exists. */
final class MpMeters implements MeterRegistry {
    private final MetricRegistry registry;

    private MpMeters(MetricRegistry registry) {
        this.registry = registry;
    }

    /**
     * The application registry, injected into a field: Payara's producer reads the injection point's
     * annotations, and a programmatic look-up ({@code CDI.current().select}) has none (a
     * NullPointerException there failed the deployment).
     */
    static MeterRegistry create() {
        return new MpMeters(new Unmanaged<>(Injected.class).newInstance().produce().inject().postConstruct().get().registry);
    }

    /** Not a bean (no bean-defining annotation): only {@link #create} makes one. */
    static final class Injected {
        @Inject
        MetricRegistry registry;
    }

    @Override
    public LongConsumer counter(String name, String description) {
        var counter = registry.counter(Metadata.builder().withName(name).withDescription(description).build());
        return counter::inc;
    }

    @Override
    public void gauge(String name, String description, Supplier<Number> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value, Supplier::get);
    }
}
