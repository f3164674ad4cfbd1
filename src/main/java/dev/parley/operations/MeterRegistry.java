package dev.parley.operations;

import java.util.function.LongConsumer;
import java.util.function.Supplier;

/** What either metrics API offers {@link Meters}: a counter (by how much it rises) and a gauge. */
interface MeterRegistry {
    LongConsumer counter(String name, String description);

    void gauge(String name, String description, Supplier<Number> value);
}
