package dev.parley.messages.control.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MentionedTest {
    @Test
    void theMessageNamesEveryoneItsTextMentionsButOnlyThoseWhoDoNotBlockTheAuthorHearOfIt() {
        Map<Long, String> users = new LinkedHashMap<>();
        users.put(3L, "alice");
        users.put(1L, "bob");
        users.put(2L, "carol");
        Mentioned mentioned = new Mentioned(users, Set.of(1L));
        assertEquals(List.of("alice", "bob", "carol"), mentioned.names());
        assertEquals(List.of(3L, 2L), mentioned.heard());
    }

    @Test
    void noMentionNamesNoOneAndTellsNoOne() {
        assertEquals(List.of(), Mentioned.NONE.names());
        assertEquals(List.of(), Mentioned.NONE.heard());
    }
}
