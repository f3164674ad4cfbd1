package dev.parley.messages.control.retention;

import dev.parley.rooms.entity.Retention;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The server's retention settings, checked once at startup: {@code PARLEY_RETENTION} (none: messages
 * are kept), how often the sweep runs, and the most messages one of its transactions deletes. Which
 * cut-off applies to what: a room's own retention if it has one, else the server's; a direct
 * conversation always the server's.
 */
public record RetentionSettings(Optional<Retention> server, Duration sweepEvery, int batch) {
    /** A batch this small is a transaction per handful of messages; this large, a transaction that holds locks noticeably. */
    static final int MIN_BATCH = 10;
    static final int MAX_BATCH = 10_000;

    /** The settings as given (empty or null: the default), or an error that names the setting and says what it takes. */
    public static RetentionSettings of(String retention, String sweepEvery, String batch) {
        Optional<Retention> server = Optional.empty();
        if (retention != null && !retention.isBlank()) {
            server = Retention.parse(retention);
            if (server.isEmpty()) {
                throw new IllegalArgumentException("PARLEY_RETENTION (parley.retention) is \"" + retention.strip() + "\", not a positive"
                        + " ISO-8601 duration of at most a hundred years such as P365D, P1Y or PT12H; leave it empty to keep messages");
            }
        }
        Duration every;
        try {
            every = sweepEvery == null || sweepEvery.isBlank() ? Duration.ofHours(1) : Duration.parse(sweepEvery.strip());
        } catch (DateTimeParseException e) {
            every = Duration.ZERO;
        }
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("PARLEY_RETENTION_SWEEP (parley.retention-sweep) is \"" + sweepEvery
                    + "\", not a positive ISO-8601 duration such as PT1H or PT10M");
        }
        int size;
        try {
            size = batch == null || batch.isBlank() ? 1000 : Integer.parseInt(batch.strip());
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < MIN_BATCH || size > MAX_BATCH) {
            throw new IllegalArgumentException("PARLEY_RETENTION_BATCH (parley.retention-batch) is \"" + batch + "\", not a number of"
                    + " messages from " + MIN_BATCH + " to " + MAX_BATCH);
        }
        return new RetentionSettings(server, every, size);
    }

    /**
     * Messages of a room created before the answer are past its retention at {@code now}: its own
     * ({@code own}, as stored) if it has one, else the server's; empty: kept. An own retention that does
     * not parse (it was checked when set; only a hand-edited row can hold one) keeps the room's messages.
     */
    public Optional<Instant> roomCutoff(String own, Instant now) {
        if (own != null) return Retention.parse(own).map(r -> r.cutoff(now));
        return conversationCutoff(now);
    }

    /** Direct conversations follow the server's retention. */
    public Optional<Instant> conversationCutoff(Instant now) {
        return server.map(r -> r.cutoff(now));
    }
}
