package dev.parley.messages.control.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionSettingsTest {
    private static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");

    @Test
    void nothingSetKeepsEverythingAndSweepsHourly() {
        RetentionSettings s = RetentionSettings.of(null, null, null);
        assertEquals(Optional.empty(), s.server());
        assertEquals(Duration.ofHours(1), s.sweepEvery());
        assertEquals(1000, s.batch());
        assertEquals(Optional.empty(), s.roomCutoff(null, NOW));
        assertEquals(Optional.empty(), s.conversationCutoff(NOW));
        assertEquals(Optional.empty(), RetentionSettings.of("", " ", "").server());
    }

    @Test
    void aRoomsOwnRetentionOverridesTheServersShorterOrLonger() {
        RetentionSettings s = RetentionSettings.of("P30D", "PT1S", "50");
        assertEquals(Optional.of(Instant.parse("2026-03-01T12:00:00Z")), s.roomCutoff(null, NOW));
        assertEquals(Optional.of(Instant.parse("2026-03-31T11:00:00Z")), s.roomCutoff("PT1H", NOW));
        assertEquals(Optional.of(Instant.parse("2025-03-31T12:00:00Z")), s.roomCutoff("P1Y", NOW));
        assertEquals(Duration.ofSeconds(1), s.sweepEvery());
        assertEquals(50, s.batch());
    }

    @Test
    void aRoomsOwnRetentionAppliesWithoutAServerRetention() {
        assertEquals(Optional.of(Instant.parse("2026-03-24T12:00:00Z")), RetentionSettings.of(null, null, null).roomCutoff("P7D", NOW));
    }

    @Test
    void directConversationsFollowTheServersRetention() {
        assertEquals(Optional.of(Instant.parse("2026-03-01T12:00:00Z")), RetentionSettings.of("P30D", null, null).conversationCutoff(NOW));
    }

    @Test
    void aStoredRoomRetentionThatDoesNotParseKeepsTheRoomsMessages() {
        assertEquals(Optional.empty(), RetentionSettings.of("P30D", null, null).roomCutoff("forever", NOW));
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        String retention = assertThrows(IllegalArgumentException.class, () -> RetentionSettings.of("30 days", null, null)).getMessage();
        assertTrue(retention.contains("PARLEY_RETENTION ") && retention.contains("30 days"), retention);
        assertThrows(IllegalArgumentException.class, () -> RetentionSettings.of("P0D", null, null));
        assertThrows(IllegalArgumentException.class, () -> RetentionSettings.of("-P1D", null, null));
        String sweep = assertThrows(IllegalArgumentException.class, () -> RetentionSettings.of(null, "hourly", null)).getMessage();
        assertTrue(sweep.contains("PARLEY_RETENTION_SWEEP"), sweep);
        assertThrows(IllegalArgumentException.class, () -> RetentionSettings.of(null, "PT0S", null));
        assertThrows(IllegalArgumentException.class, () -> RetentionSettings.of(null, "-PT1H", null));
        String batch = assertThrows(IllegalArgumentException.class, () -> RetentionSettings.of(null, null, "lots")).getMessage();
        assertTrue(batch.contains("PARLEY_RETENTION_BATCH"), batch);
        assertThrows(IllegalArgumentException.class, () -> RetentionSettings.of(null, null, "5"));
        assertThrows(IllegalArgumentException.class, () -> RetentionSettings.of(null, null, "10001"));
    }
}
