package dev.parley.rooms.entity;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long messages are kept: an ISO-8601 duration as people write one, days and times ({@code P30D},
 * {@code PT12H}, {@link Duration}) or calendar units ({@code P1Y}, {@code P6M}, {@code P2W},
 * {@link Period}), kept as written and turned into a cut-off when a sweep runs. Positive, and one of
 * the two forms: {@code P1Y2DT3H} is refused rather than guessed at.
 */
public record Retention(String text, Duration duration, Period period) {
    /** Longer than anyone means (and short of {@link Instant#MIN} arithmetic): a hundred years. */
    private static final Duration LONGEST = Duration.ofDays(36_525);

    /** The retention that {@code text} says, or empty if it is not a positive ISO-8601 duration of at most a hundred years. */
    public static Optional<Retention> parse(String text) {
        if (text == null || text.isBlank() || text.length() > 64) return Optional.empty();
        String trimmed = text.strip().toUpperCase(java.util.Locale.ROOT);
        try {
            Duration duration = Duration.parse(trimmed);
            return duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST) > 0 ? Optional.empty()
                    : Optional.of(new Retention(trimmed, duration, null));
        } catch (DateTimeParseException notDaysAndTimes) {
            try {
                Period period = Period.parse(trimmed);
                long approximateDays = period.toTotalMonths() * 31 + period.getDays();
                return period.isNegative() || period.isZero() || period.getDays() < 0 || approximateDays > LONGEST.toDays()
                        ? Optional.empty() : Optional.of(new Retention(trimmed, null, period));
            } catch (DateTimeParseException neither) {
                return Optional.empty();
            }
        }
    }

    /** Messages created before this instant are past the retention at {@code now}. */
    public Instant cutoff(Instant now) {
        return duration != null ? now.minus(duration) : now.atOffset(ZoneOffset.UTC).minus(period).toInstant();
    }
}
