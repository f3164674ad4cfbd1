package dev.parley.rooms.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionTest {
    private static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");

    @Test
    void daysAndTimesAreExact() {
        assertEquals(Instant.parse("2026-03-01T12:00:00Z"), Retention.parse("P30D").orElseThrow().cutoff(NOW));
        assertEquals(Instant.parse("2026-03-31T11:59:58Z"), Retention.parse("PT2S").orElseThrow().cutoff(NOW));
    }

    @Test
    void calendarUnitsFollowTheCalendar() {
        assertEquals(Instant.parse("2025-03-31T12:00:00Z"), Retention.parse("P1Y").orElseThrow().cutoff(NOW));
        assertEquals(Instant.parse("2026-02-28T12:00:00Z"), Retention.parse("P1M").orElseThrow().cutoff(NOW));
        assertEquals(Instant.parse("2026-03-17T12:00:00Z"), Retention.parse("P2W").orElseThrow().cutoff(NOW));
    }

    @Test
    void keptAsWrittenInCapitals() {
        assertEquals("P365D", Retention.parse("p365d").orElseThrow().text());
    }

    @Test
    void refusesWhatIsNotAPositiveDurationOfAtMostACentury() {
        for (String bad : new String[] {null, "", " ", "365", "P", "PT0S", "P0D", "-P1D", "P-1D", "P1Y2DT3H", "P101Y",
                "PT876601H", "forever", "P1D".repeat(30)}) {
            assertTrue(Retention.parse(bad).isEmpty(), "should refuse " + bad);
        }
    }
}
