package dev.parley.limits.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Takes {@code cost} tokens (or none) from a key's bucket on its partition's owner, refilled up to
 * {@code now} (the caller's cluster time, so that every member refills the same way whatever its own
 * clock). The entry lives until the bucket would be full again: then it is the same as no entry.
 *
 * <p>Plain {@code Serializable}, not Hazelcast's DataSerializable: Payara reads Java-serialized
 * objects with the class loader of the application that sent them, DataSerializable ones with its own,
 * which does not see Parley's classes.
 */
record TakeToken<K>(int burst, double perMilli, long now, int cost) implements EntryProcessor<K, double[], Boolean> {
    @Override
    public Boolean process(Map.Entry<K, double[]> entry) {
        double[] state = entry.getValue();
        double tokens = burst;
        long last = now;
        if (state != null) {
            last = Math.max(now, (long) state[1]); // a caller whose clock lags refills nothing, and takes nothing back
            tokens = Math.min(burst, state[0] + Math.max(0, now - (long) state[1]) * perMilli);
        }
        if (tokens < cost) return false; // nothing changes: the next take refills from the same point
        tokens -= cost;
        long untilFull = (long) Math.ceil((burst - tokens) / perMilli);
        ((ExtendedMapEntry<K, double[]>) entry).setValue(new double[] {tokens, last}, GridEntries.ttlSeconds(untilFull), TimeUnit.SECONDS);
        return true;
    }

    /** None: see {@link GridLimits}. */
    @Override
    public EntryProcessor<K, double[], Boolean> getBackupProcessor() {
        return null;
    }
}
