package dev.parley.realtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.errors.InvalidPayload;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** An event payload of the wrong shape is invalid_payload, never a server error. */
class PayloadTest {

    @Test
    void onlyObjectsOrNothingArePayloads() {
        assertNull(Payload.of(null).optString("room"));
        assertThrows(InvalidPayload.class, () -> Payload.of("feed"));
        assertThrows(InvalidPayload.class, () -> Payload.of(new JSONArray("[1]")));
        assertThrows(InvalidPayload.class, () -> Payload.of(42));
    }

    @Test
    void stringsMustBeStrings() {
        Payload p = Payload.of(new JSONObject("{\"room\": 7, \"to\": null, \"text\": \"hi\"}"));
        assertEquals("hi", p.string("text"));
        assertNull(p.optString("to"));
        assertThrows(InvalidPayload.class, () -> p.optString("room"));
        assertThrows(InvalidPayload.class, () -> p.string("missing"));
    }

    @Test
    void wholeNumbersOnly() {
        Payload p = Payload.of(new JSONObject("{\"a\": 5, \"b\": 5.0, \"c\": 5.5, \"d\": \"5\", \"e\": 1e12}"));
        assertEquals(5L, p.optLong("a"));
        assertEquals(5L, p.optLong("b"));
        assertThrows(InvalidPayload.class, () -> p.optLong("c"));
        assertThrows(InvalidPayload.class, () -> p.optLong("d"));
        assertThrows(InvalidPayload.class, () -> p.optInt("e"), "out of int range");
    }

    @Test
    void idsByNameAreNonNegativeWholeNumbers() {
        assertEquals(Map.of("feed", 42L), Payload.of(new JSONObject("{\"rooms\": {\"feed\": 42}}")).idsByName("rooms"));
        assertEquals(Map.of(), Payload.of(new JSONObject("{}")).idsByName("rooms"));
        for (String bad : new String[]{"{\"rooms\": [1]}", "{\"rooms\": {\"feed\": -1}}", "{\"rooms\": {\"feed\": \"1\"}}",
                "{\"rooms\": {\"feed\": 1.5}}", "{\"rooms\": 3}"}) {
            assertThrows(InvalidPayload.class, () -> Payload.of(new JSONObject(bad)).idsByName("rooms"), bad);
        }
    }
}
