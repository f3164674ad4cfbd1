package dev.parley.limits.grid;

import com.hazelcast.core.HazelcastInstance;
import dev.parley.limits.entity.Buckets;
import dev.parley.limits.control.RateBuckets;
import dev.parley.limits.entity.WindowCounts;
import dev.parley.support.GridMembers;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * What a limit check costs: in memory (a single node) against the data grid of two real members in
 * this JVM over loopback, for keys owned by the calling member and by the other one. Not a test: run
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.parley.limits.grid.GridLimitsBench}
 * (add {@code -Dparley.test.hazelcast-port=...} for other ports). Figures in docs/performance.md.
 */
public final class GridLimitsBench {
    private static final int WARMUP = 5_000;
    private static final int RUNS = 20_000;

    public static void main(String[] args) {
        GridMembers.Pair members = GridMembers.start();
        try {
            HazelcastInstance a = members.a();
            Buckets<String> memory = new RateBuckets<>(1_000_000, 1_000_000);
            Buckets<String> grid = GridLimits.buckets(a, "bench-buckets", 1_000_000, 1_000_000);
            WindowCounts windows = GridLimits.windowCounts(a, "bench-windows", Duration.ofMinutes(15), 100);
            String[] local = keys(a, true);
            String[] remote = keys(a, false);
            System.out.println("per check, from member A; p50 / p99 / mean in microseconds");
            report("REST write, memory (single node)", i -> memory.take(local[i % local.length]));
            report("REST write, grid, key owned by A", i -> grid.take(local[i % local.length]));
            report("REST write, grid, key owned by B", i -> grid.take(remote[i % remote.length]));
            report("login check: counts of 2 keys, grid", i -> windows.counts(local[i % local.length], remote[i % remote.length])[0] >= 0);
            report("failed login: add to 2 keys, grid", i -> {
                windows.add(local[i % local.length], remote[i % remote.length]);
                return true;
            });
        } finally {
            members.close();
        }
    }

    /** 1,000 keys whose partitions the member {@code a} owns ({@code owned}) or does not. */
    private static String[] keys(HazelcastInstance a, boolean owned) {
        return java.util.stream.IntStream.range(0, 100_000).mapToObj(i -> "bench-" + i)
                .filter(k -> a.getPartitionService().getPartition(k).getOwner().localMember() == owned)
                .limit(1_000).toArray(String[]::new);
    }

    private static void report(String what, IntPredicate check) {
        for (int i = 0; i < WARMUP; i++) check.test(i);
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            check.test(i);
            nanos[i] = System.nanoTime() - start;
        }
        double mean = Arrays.stream(nanos).average().orElse(0) / 1000;
        Arrays.sort(nanos);
        System.out.printf("%-40s %8.1f %8.1f %8.1f%n", what, nanos[RUNS / 2] / 1000.0, nanos[RUNS * 99 / 100] / 1000.0, mean);
    }
}
