package dev.parley.cluster.grid;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Which sealed events this node has already taken, by their sealed origin and serial, so that one copied
 * off the wire and published again is refused. Each origin's serials are nearly in order (threads take a
 * serial, then publish): a window of the last {@value #WINDOW} serials, as IPsec keeps, remembers which of
 * them came; older ones are refused. Origins are members' ids, new at each start: the last
 * {@value #ORIGINS} are kept.
 */
final class Replays {
    static final int WINDOW = 4096;
    private static final int ORIGINS = 64;

    private final Map<UUID, Window> origins = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Window> eldest) {
            return size() > ORIGINS;
        }
    };

    /** Whether this is the first time {@code origin}'s {@code serial} is seen (and, from now on, it has been). */
    synchronized boolean first(UUID origin, long serial) {
        Window w = origins.get(origin);
        if (w == null) {
            origins.put(origin, new Window(serial));
            return true;
        }
        return w.first(serial);
    }

    private static final class Window {
        private final long[] seen = new long[WINDOW / 64];
        private long highest;

        Window(long serial) {
            highest = serial;
            mark(serial);
        }

        boolean first(long serial) {
            if (serial > highest) {
                long advance = serial - highest;
                if (advance >= WINDOW) java.util.Arrays.fill(seen, 0);
                else for (long s = highest + 1; s < serial; s++) clear(s);
                highest = serial;
                mark(serial);
                return true;
            }
            if (highest - serial >= WINDOW) return false;
            int bit = (int) Math.floorMod(serial, (long) WINDOW);
            if ((seen[bit >>> 6] & (1L << bit)) != 0) return false;
            mark(serial);
            return true;
        }

        private void mark(long serial) {
            int bit = (int) Math.floorMod(serial, (long) WINDOW);
            seen[bit >>> 6] |= 1L << bit;
        }

        private void clear(long serial) {
            int bit = (int) Math.floorMod(serial, (long) WINDOW);
            seen[bit >>> 6] &= ~(1L << bit);
        }
    }
}
