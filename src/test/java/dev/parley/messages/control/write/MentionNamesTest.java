package dev.parley.messages.control.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MentionNamesTest {
    @Test
    void findsEachMentionOnceLowerCased() {
        assertEquals(List.of("alice", "bob_2"), List.copyOf(MentionNames.in("@Alice and @bob_2, and @alice again")));
    }

    @Test
    void aMentionAtTheEndOfASentenceIsTriedWithoutTheFullStop() {
        assertEquals(Set.of("carol.", "carol"), MentionNames.in("thanks @carol."));
        assertEquals(Set.of("d.e-f"), MentionNames.in("(@d.e-f)"));
    }

    @Test
    void emailAddressesAndTooShortOrLongNamesAreNoMentions() {
        assertTrue(MentionNames.in("mail me at joe@example.com").isEmpty());
        assertTrue(MentionNames.in("@ab is too short, @@double").isEmpty());
        assertTrue(MentionNames.in("@" + "x".repeat(33)).isEmpty());
        assertTrue(MentionNames.in("no mentions here").isEmpty());
    }

    @Test
    void atMostTwentyNamesAreLookedUp() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50; i++) text.append("@user").append(i).append(' ');
        assertEquals(MentionNames.MAX, MentionNames.in(text.toString()).size());
    }

    @Test
    void aNameInsideCodeIsNoMention() {
        assertEquals(Set.of("bob"), MentionNames.in("`@alice` is code, @bob is not"));
        assertEquals(Set.of("bob"), MentionNames.in("``a `@alice` b`` and @bob"));
        assertEquals(Set.of("carol"), MentionNames.in("before\n```java\n@alice\n@dave\n```\nafter @carol"));
        assertEquals(Set.of(), MentionNames.in("```\n@alice never closed"));
    }

    @Test
    void anUnclosedOrEscapedBacktickLeavesTheRestPlain() {
        assertEquals(Set.of("alice"), MentionNames.in("a lone ` then @alice"));
        assertEquals(Set.of("alice"), MentionNames.in("\\`@alice\\`"));
    }
}
