package dev.parley.cluster.grid;

import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.AEADBadTagException;

/**
 * What sealing costs a relayed event: {@link Seal#seal} on the publishing node and {@link Seal#open} on
 * each receiving one, for events of a relayed message's sizes, on one thread after warm-up. Not a test:
 * run {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.parley.cluster.grid.SealBench}.
 * Figures in docs/performance.md.
 */
public final class SealBench {
    private static final int WARMUP = 200_000;
    private static final int RUNS = 1_000_000;

    public static void main(String[] args) throws AEADBadTagException {
        Seal seal = new Seal("k1GkD3bQ0n5Jx2vZp8Ywq4RrT6sUa9Lm+HcE7fNiO0=");
        System.out.println("ns per event, mean of " + RUNS + " after " + WARMUP + " of warm-up");
        for (int size : new int[] {700, 2_000, 13_000}) {
            byte[] event = new byte[size];
            ThreadLocalRandom.current().nextBytes(event);
            byte[] sealed = seal.seal(Seal.EVENTS, event);
            long sink = 0;
            for (int i = 0; i < WARMUP; i++) sink += seal.seal(Seal.EVENTS, event).length + seal.open(Seal.EVENTS, sealed).length;
            long start = System.nanoTime();
            for (int i = 0; i < RUNS; i++) sink += seal.seal(Seal.EVENTS, event).length;
            long sealNs = (System.nanoTime() - start) / RUNS;
            start = System.nanoTime();
            for (int i = 0; i < RUNS; i++) sink += seal.open(Seal.EVENTS, sealed).length;
            long openNs = (System.nanoTime() - start) / RUNS;
            System.out.printf("%6d bytes: seal %6d ns, open %6d ns (%d)%n", size, sealNs, openNs, sink % 2);
        }
    }
}
