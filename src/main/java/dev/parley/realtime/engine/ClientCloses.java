package dev.parley.realtime.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Long-polling connections that their client closed with a close packet, for the GET the client had
 * waiting at that moment. engine.io-server 6.3.2 answers that GET with a noop only when it reached the
 * transport before the close; a GET that the POST carrying the close overtook (separate connections,
 * separate request threads) finds the session gone and gets 400, which the client takes for an error.
 * So a close that answered no waiting GET leaves the next GET of that sid one noop, for
 * {@link #WINDOW_NANOS}; later GETs get 400 as before. Remove when the library keeps a closed sid
 * answerable itself.
 */
public final class ClientCloses {
    /** Long enough for a GET already on its way; a client polls no more after its own close. */
    public static final long WINDOW_NANOS = 10_000_000_000L;

    private final LongSupplier clock;
    /** sid to the time its one noop lapses. */
    private final Map<String, Long> owed = new ConcurrentHashMap<>();

    public ClientCloses() {
        this(System::nanoTime);
    }

    ClientCloses(LongSupplier clock) {
        this.clock = clock;
    }

    /** Before the close packet reaches the engine: a GET that comes meanwhile takes the noop instead of the engine. */
    public void closing(String sid) {
        long now = clock.getAsLong();
        owed.values().removeIf(lapses -> now - lapses >= 0);
        owed.put(sid, now + WINDOW_NANOS);
    }

    /** A GET of {@code sid} was answered (the close's own noop, say): the client owes nothing more. */
    public void answered(String sid) {
        owed.remove(sid);
    }

    /** Whether this GET is the one that the client's close overtook: true once. */
    public boolean overtaken(String sid) {
        Long lapses = owed.remove(sid);
        return lapses != null && clock.getAsLong() - lapses < 0;
    }
}
