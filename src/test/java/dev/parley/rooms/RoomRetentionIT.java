package dev.parley.rooms;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A room's own retention, set over REST, deleting its old messages for good on the suite's shared
 * servers (Payara and WildFly, whose sweep runs every second: {@code parley.retention-sweep} in the
 * build), while a room without one keeps older messages. The server-wide setting, the batches and the
 * sweep's cluster lease are {@code messages/RetentionIT}'s, on servers of its own.
 */
class RoomRetentionIT {
    private final Api api = Api.server();

    @Test
    void aRoomsOwnRetentionDeletesItsOldMessagesAndNoOneElses() {
        Login owner = api.registerAndLogin("keeper");
        String kept = api.createRoom(owner, "kept");
        String brief = api.createRoom(owner, "brief");
        String word = "ephemeral" + System.nanoTime();
        long older = api.postMessage(owner, kept, "kept " + word);
        long goes = api.postMessage(owner, brief, "gone " + word);

        JsonObject room = api.send("PATCH", "/api/rooms/" + brief, owner.token(), "{\"retention\": \"PT2S\"}").json().getJsonObject("room");
        assertEquals("PT2S", room.getString("retention"));

        // Swept within a few sweeps once two seconds old: gone from history, and from search.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> ids(api.get("/api/rooms/" + brief + "/messages", owner.token()).json()).isEmpty());
        assertEquals(List.of(older), ids(api.get("/api/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8), owner.token()).json()),
                "the swept message is not found; the other room's older one is");
        // The room without a retention of its own keeps its message, older than the one swept.
        assertEquals(List.of(older), ids(api.get("/api/rooms/" + kept + "/messages", owner.token()).json()));
        assertEquals(404, api.send("PATCH", "/api/messages/" + goes, owner.token(), "{\"text\": \"edited\"}").status(),
                "a swept message is gone, not a placeholder");
    }

    private static List<Long> ids(JsonObject page) {
        return page.getJsonArray("messages").getValuesAs(JsonObject.class).stream().map(m -> m.getJsonNumber("id").longValue()).toList();
    }
}
