package dev.parley.platform;

import jakarta.enterprise.inject.spi.CDI;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** {@link Meters} on MicroProfile Metrics (Payara). Loaded only where that API exists. */
final class MpMeters implements Meters.Registry {
    private final MetricRegistry registry;

    private MpMeters(MetricRegistry registry) {
        this.registry = registry;
    }

    static Meters.Registry create() {
        return new MpMeters(CDI.current().select(MetricRegistry.class).get()); // the application registry
    }

    @Override
    public Meters.Counter counter(String name, String description) {
        var counter = registry.counter(Metadata.builder().withName(name).withDescription(description).build());
        return counter::inc;
    }

    @Override
    public void gauge(String name, String description, Supplier<Number> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value, Supplier::get);
    }
}
