package dev.parley.rooms.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.errors.InvalidPayload;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A member list's page size: 1 to 500, 100 when not asked; anything else is {@code invalid_payload}. */
class MembersLimitTest {
    @Test
    void aPageIsOneToFiveHundredAndAHundredByDefault() {
        assertEquals(100, Moderation.membersLimit(null));
        assertEquals(100, Moderation.membersLimit(""));
        assertEquals(1, Moderation.membersLimit("1"));
        assertEquals(500, Moderation.membersLimit("500"));
        for (String refused : List.of("0", "501", "-1", "many", "1.5", "99999999999")) {
            assertThrows(InvalidPayload.class, () -> Moderation.membersLimit(refused), refused);
        }
    }
}
