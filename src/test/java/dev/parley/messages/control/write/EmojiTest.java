package dev.parley.messages.control.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.errors.InvalidPayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmojiTest {
    @ParameterizedTest
    @ValueSource(strings = {"👍", "❤️", "❤", "🎉", "😂", "👍🏽", "👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇫🇷", "#️⃣", "1⃣", "☕", "⭐", "©️",
            "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F", ":thumbsup:", ":+1:", ":white_check_mark:"})
    void acceptsOneEmojiOrAKnownShortcode(String emoji) {
        assertTrue(Emoji.valid(emoji), emoji);
        assertEquals(emoji, Emoji.check(emoji));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a", "A", "1", "#", "ab", "👍👍", "👍 ", "a👍", "👍a", "é", "e\u0301", "<script>", ":nope:",
            ":thumbsup", "thumbsup", "\u200D", "\uFE0F", "\u0000", "🇫", "🇫🇷🇩🇪", "\uD83D", "你"})
    void refusesAnythingElse(String emoji) {
        assertFalse(Emoji.valid(emoji), emoji);
        assertThrows(InvalidPayload.class, () -> Emoji.check(emoji));
    }

    @Test
    void refusesNull() {
        assertThrows(InvalidPayload.class, () -> Emoji.check(null));
    }
}
