package dev.parley.webhooks.boundary;

import dev.parley.errors.InvalidPayload;
import dev.parley.http.JsonNesting;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text of a Slack-style incoming webhook body: JSON {@code {"text": "..."}}, or a form whose
 * {@code payload} field holds that JSON (what Slack and Mattermost tools send). Their other fields
 * ({@code username}, {@code icon_url}, {@code channel}, attachments) are ignored: a webhook posts as
 * its creator, into its own room.
 */
final class HookPayload {
    private HookPayload() {
    }

    static String text(String contentType, String body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String json = type.startsWith("application/x-www-form-urlencoded") ? formField(body, "payload") : body;
        if (JsonNesting.tooDeep(json)) throw new InvalidPayload("The body is nested too deeply");
        JsonValue parsed;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            parsed = reader.readValue();
        } catch (RuntimeException e) { // JsonException, and whatever else a parser throws for a malformed body
            throw new InvalidPayload("The body is not JSON: send {\"text\": \"...\"}");
        }
        if (!(parsed instanceof JsonObject object)) throw new InvalidPayload("The body must be a JSON object: {\"text\": \"...\"}");
        if (!(object.get("text") instanceof JsonString text)) throw new InvalidPayload("text is required, as a string");
        return text.getString();
    }

    /** The first value of {@code name} in a URL-encoded form; {@code invalid_payload} when absent or malformed. */
    static String formField(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            try {
                if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidPayload("The form is not URL-encoded");
            }
        }
        throw new InvalidPayload("The form has no payload field");
    }
}
