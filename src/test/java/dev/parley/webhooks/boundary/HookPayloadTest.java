package dev.parley.webhooks.boundary;

import dev.parley.http.JsonNesting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.errors.InvalidPayload;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The text of Slack-style webhook bodies: JSON, or a form's {@code payload}; everything else refused. */
class HookPayloadTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void jsonGivesItsTextAndIgnoresTheRest() {
        assertEquals("deploy done", HookPayload.text("application/json", "{\"text\": \"deploy done\", \"username\": \"x\", \"attachments\": [{}]}"));
        assertEquals("no type", HookPayload.text(null, "{\"text\": \"no type\"}"));
    }

    @Test
    void aFormGivesItsPayloadsText() {
        String payload = URLEncoder.encode("{\"text\": \"a+b & c=d ✓\"}", StandardCharsets.UTF_8);
        assertEquals("a+b & c=d ✓", HookPayload.text(FORM + "; charset=UTF-8", "channel=%23x&payload=" + payload + "&icon_url=y"));
    }

    @Test
    void anythingWithoutAStringTextIsInvalid() {
        for (String body : new String[] {"", "text", "[1]", "\"text\"", "{}", "{\"text\": 1}", "{\"text\": null}", "{\"text\": [\"a\"]}", "{\"text\": \"a\""}) {
            assertThrows(InvalidPayload.class, () -> HookPayload.text("application/json", body), body);
        }
        for (String form : new String[] {"", "text=hello", "payload", "payload=%E0%A4%A", "payload=" + URLEncoder.encode("{}", StandardCharsets.UTF_8)}) {
            assertThrows(InvalidPayload.class, () -> HookPayload.text(FORM, form), form);
        }
    }

    @Test
    void deepNestingIsRefusedBeforeParsing() {
        assertTrue(JsonNesting.tooDeep("{\"a\":" + "[".repeat(33) + "]".repeat(33) + "}"));
        assertFalse(JsonNesting.tooDeep("{\"a\":" + "[".repeat(31) + "]".repeat(31) + "}"));
        assertFalse(JsonNesting.tooDeep("{\"text\": \"" + "[".repeat(100) + "\\\"" + "{".repeat(100) + "\"}"), "brackets inside a string do not count");
        assertThrows(InvalidPayload.class, () -> HookPayload.text("application/json", "[".repeat(10_000)));
    }
}
