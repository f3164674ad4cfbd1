package dev.parley.operations;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * {@link Meters} kept by Parley itself, for servers without MicroProfile Metrics (WildFly 38). Written
 * as Prometheus text in the shape Payara writes, so that a scraper (and the tests) read the same names
 * from either server: counters as {@code <name>_total}, the application's with
 * {@code mp_scope="application"}, and the JVM's thread count as {@code thread_count}.
 */
final class OwnMeters implements MeterRegistry {
    static final OwnMeters INSTANCE = new OwnMeters();

    private record Series(String description, String type, Supplier<Number> value) {
    }

    private final Map<String, Series> series = new ConcurrentSkipListMap<>();

    private OwnMeters() {
    }

    @Override
    public LongConsumer counter(String name, String description) {
        LongAdder count = new LongAdder();
        series.putIfAbsent(name + "_total", new Series(description, "counter", count::sum));
        return count::add;
    }

    @Override
    public void gauge(String name, String description, Supplier<Number> value) {
        series.put(name, new Series(description, "gauge", value));
    }

    /** The Prometheus text exposition of every series. */
    String text() {
        StringBuilder out = new StringBuilder();
        series.forEach((name, s) -> append(out, name, s.description(), s.type(), "application", s.value().get()));
        append(out, "thread_count", "Live JVM threads", "gauge", "base", ManagementFactory.getThreadMXBean().getThreadCount());
        return out.toString();
    }

    private static void append(StringBuilder out, String name, String help, String type, String scope, Number value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n')
                .append(name).append("{mp_scope=\"").append(scope).append("\"} ").append(value.doubleValue()).append('\n');
    }
}
