package dev.parley.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.errors.InvalidPayload;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A listing's page size (the admin listings', a room's members', the directory's, who is online). */
class PageSizeTest {
    private static final PageSize MEMBERS = new PageSize(100, 500);

    @Test
    void oneToTheMostAndTheDefaultWhenNotAsked() {
        assertEquals(100, MEMBERS.of(null));
        assertEquals(100, MEMBERS.of(""));
        assertEquals(1, MEMBERS.of("1"));
        assertEquals(500, MEMBERS.of("500"));
    }

    @Test
    void anythingElseIsInvalid() {
        for (String refused : List.of("0", "501", "-1", "many", "1.5", " 5", "99999999999", "9".repeat(30))) {
            assertThrows(InvalidPayload.class, () -> MEMBERS.of(refused), refused);
        }
    }
}
