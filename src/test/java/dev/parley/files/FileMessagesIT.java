package dev.parley.files;

import static dev.parley.files.AttachedFiles.fileIds;
import static dev.parley.files.AttachedFiles.withFiles;
import static dev.parley.support.Sock.ackError;
import static dev.parley.support.Sock.ok;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Sock;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import dev.parley.support.FileTransfers.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Files on messages over real Socket.IO clients and REST: sent with a room message or a direct message
 * (in order, text optional), seen by the recipients with links that work without a token, kept from
 * strangers, refused when they are not the sender's unattached uploads (nothing stored then), kept by
 * edits and reactions, deleted with their message and by retention, listed in the export and counted
 * in the admin's numbers.
 */
class FileMessagesIT {
    private final Api api = Api.server();

    private JsonObject upload(Login owner, String name, byte[] bytes) {
        return AttachedFiles.upload(api, owner, name, bytes);
    }

    private long uploadId(Login owner, String name, String content) {
        return AttachedFiles.upload(api, owner, name, content);
    }

    private Answer fetchLink(String url) {
        return AttachedFiles.fetchLink(api, url);
    }

    private int fetchAs(Login who, long fileId) {
        return AttachedFiles.fetchAs(api, who, fileId);
    }

    private static String body(String text, long... files) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        for (long id : files) ids.add(id);
        var b = Json.createObjectBuilder().add("files", ids);
        if (text != null) b.add("text", text);
        return b.build().toString();
    }

    private JsonObject history(Login reader, String path) {
        Reply page = api.get(path, reader.token());
        assertEquals(200, page.status(), page::body);
        return page.json();
    }

    private static JsonObject first(JsonObject page) {
        return page.getJsonArray("messages").getJsonObject(0);
    }

    @Test
    void aRoomMessageCarriesItsFilesInOrderToEveryReaderWithWorkingLinks() {
        Login alice = api.registerAndLogin("fm_alice");
        Login bob = api.registerAndLogin("fm_bob");
        String room = api.roomOf(alice, bob);
        byte[] report = "the quarterly report".getBytes(StandardCharsets.UTF_8);
        long second = upload(alice, "report.txt", report).getJsonNumber("id").longValue();
        long first = uploadId(alice, "notes.txt", "some notes");
        try (Sock a = api.connect(alice); Sock b = api.connect(bob)) {
            a.awaitReady();
            b.awaitReady();
            // Over Socket.IO, with empty text: the files in the order sent, not the order uploaded.
            JSONObject sent = ok(a.ack("message", withFiles(Sock.say(room, ""), first, second))).getJSONObject("message");
            assertEquals(List.of(first, second), fileIds(sent));
            assertEquals("", sent.getString("text"));
            JSONObject heard = b.awaitMessage(sent.getLong("id"));
            assertEquals(List.of(first, second), fileIds(heard));
            JSONObject file = heard.getJSONArray("files").getJSONObject(1);
            assertEquals("report.txt", file.getString("name"));
            assertEquals(report.length, file.getLong("size"));
            Answer bytes = fetchLink(file.getString("url"));
            assertEquals(200, bytes.status(), "a signed link works without a token");
            assertArrayEquals(report, bytes.body());

            // Over REST, text absent: the same.
            long third = uploadId(alice, "third.txt", "third");
            Reply posted = api.post("/api/rooms/" + room + "/messages", alice.token(), body(null, third));
            long id = Api.messageId(posted);
            assertEquals(List.of(third), fileIds(posted.json().getJsonObject("message")));
            assertEquals(List.of(third), fileIds(b.awaitMessage(id)));

            // History, for a member and for a non-member of this public room, carries them with fresh links.
            Login carol = api.registerAndLogin("fm_carol");
            JsonObject page = history(carol, "/api/rooms/" + room + "/messages");
            assertEquals(List.of(third), fileIds(first(page)));
            assertEquals(List.of(first, second), fileIds(page.getJsonArray("messages").getJsonObject(1)));
            assertEquals(200, fetchLink(first(page).getJsonArray("files").getJsonObject(0).getString("url")).status());
            assertEquals(200, fetchAs(carol, third), "anyone signed in reads a public room's files");

            // Messages without files have an empty list.
            long plain = api.postMessage(alice, room, "no files");
            assertEquals(List.of(), fileIds(b.awaitMessage(plain)));
        }
    }

    @Test
    void aDirectMessageCarriesFilesOverBothProtocolsAndAStrangerCannotReadThem() {
        Login alice = api.registerAndLogin("fm_dm_a");
        Login bob = api.registerAndLogin("fm_dm_b");
        Login eve = api.registerAndLogin("fm_dm_e");
        long viaSocket = uploadId(alice, "hello.txt", "hello bob");
        long viaRest = uploadId(alice, "again.txt", "hello again");
        try (Sock a = api.connect(alice); Sock b = api.connect(bob)) {
            a.awaitReady();
            b.awaitReady();
            JSONObject sent = ok(a.ack("private_message", withFiles(new JSONObject().put("to", bob.username()), viaSocket)))
                    .getJSONObject("message");
            JSONObject heard = b.awaitPrivateMessage(sent.getLong("id"));
            assertEquals(List.of(viaSocket), fileIds(heard));
            assertEquals("hello.txt", b.awaitJson("notification").getString("preview"), "a message of files alone is previewed by their names");
            assertEquals("hello bob", new String(fetchLink(heard.getJSONArray("files").getJSONObject(0).getString("url")).body(),
                    StandardCharsets.UTF_8));

            long id = Api.messageId(api.post("/api/conversations/" + bob.username() + "/messages", alice.token(), body("see attached", viaRest)));
            assertEquals(List.of(viaRest), fileIds(b.awaitPrivateMessage(id)));
        }
        assertEquals(List.of(viaRest), fileIds(first(history(bob, "/api/conversations/" + alice.username() + "/messages"))));
        assertEquals(200, fetchAs(bob, viaRest));
        assertEquals(200, fetchAs(alice, viaRest));
        assertEquals(404, fetchAs(eve, viaRest), "a stranger to the conversation: as if the file did not exist");
        assertEquals(404, fetchAs(eve, viaSocket));
    }

    @Test
    void aPrivateRoomsFilesAreNotFoundToStrangers() {
        Login owner = api.registerAndLogin("fm_priv_o");
        Login member = api.registerAndLogin("fm_priv_m");
        Login stranger = api.registerAndLogin("fm_priv_s");
        String room = api.createPrivateRoom(owner, "fmpriv");
        api.invite(owner, room, member);
        api.join(member, room);
        long file = uploadId(owner, "secret.txt", "secret");
        Api.messageId(api.post("/api/rooms/" + room + "/messages", owner.token(), body("", file)));
        assertEquals(200, fetchAs(member, file));
        assertEquals(404, fetchAs(stranger, file));
        // A stranger naming the room with files learns nothing from them: not_found, as for any post.
        long own = uploadId(stranger, "mine.txt", "mine");
        assertEquals(404, api.post("/api/rooms/" + room + "/messages", stranger.token(), body("x", own, 1)).status());
    }

    @Test
    void filesThatAreNotTheSendersUnattachedUploadsAreRefusedAndNothingIsStored() {
        Login alice = api.registerAndLogin("fm_bad_a");
        Login bob = api.registerAndLogin("fm_bad_b");
        String room = api.roomOf(alice, bob);
        long mine = uploadId(alice, "mine.txt", "mine");
        long bobs = uploadId(bob, "bobs.txt", "bob's");
        long attached = uploadId(alice, "used.txt", "used");
        long before = Api.messageId(api.post("/api/rooms/" + room + "/messages", alice.token(), body("first", attached)));
        List<Long> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) eleven.add(uploadId(alice, "f" + i + ".txt", "file " + i));
        String path = "/api/rooms/" + room + "/messages";

        assertEquals("invalid_payload", api.post(path, alice.token(), body("x", mine, Long.MAX_VALUE)).errorCode(), "no such file");
        assertEquals("invalid_payload", api.post(path, alice.token(), body("x", mine, bobs)).errorCode(), "someone else's file");
        assertEquals("invalid_payload", api.post(path, alice.token(), body("x", mine, attached)).errorCode(), "already attached");
        assertEquals("invalid_payload", api.post(path, alice.token(), body("x", mine, mine)).errorCode(), "the same file twice");
        assertEquals("invalid_payload", api.post(path, alice.token(),
                body("x", eleven.stream().mapToLong(Long::longValue).toArray())).errorCode(), "eleven files");
        assertEquals("invalid_payload", api.post(path, alice.token(), body("")).errorCode(), "no files: text is required");
        assertEquals("invalid_payload", api.post(path, alice.token(), "{\"text\": \"x\", \"files\": \"1\"}").errorCode(), "not a list");
        try (Sock a = api.connect(alice)) {
            a.awaitReady();
            assertEquals("invalid_payload", ackError(a.ack("message", withFiles(Sock.say(room, "x"), bobs))));
            assertEquals("invalid_payload", ackError(a.ack("private_message", withFiles(Sock.dm(bob.username(), ""), attached))));
            assertEquals("invalid_payload", ackError(a.ack("message", Sock.say(room, "x").put("files", "nope"))));
        }
        // Nothing stored: the last message is still the first one, and the refused files are still free to attach.
        assertEquals(before, first(history(alice, path + "?limit=1")).getJsonNumber("id").longValue());
        long ten = Api.messageId(api.post(path, alice.token(), body(null, eleven.subList(0, 10).stream().mapToLong(Long::longValue).toArray())));
        assertEquals(eleven.subList(0, 10), fileIds(first(history(bob, path + "?limit=1"))));
        assertTrue(ten > before);
        Api.messageId(api.post(path, alice.token(), body("now", mine)));
    }

    @Test
    void editsAndReactionsKeepTheFilesAndDeletingTheMessageDeletesThem() {
        Login alice = api.registerAndLogin("fm_ed_a");
        Login bob = api.registerAndLogin("fm_ed_b");
        String room = api.roomOf(alice, bob);
        long file = uploadId(alice, "keep.txt", "keep me");
        long id = Api.messageId(api.post("/api/rooms/" + room + "/messages", alice.token(), body("with a file", file)));
        try (Sock b = api.connect(bob)) {
            b.awaitReady();
            Reply edited = api.send("PATCH", "/api/messages/" + id, alice.token(), "{\"text\": \"\"}");
            assertEquals(200, edited.status(), edited::body);
            assertEquals("", edited.json().getJsonObject("message").getString("text"), "with files, the text may be edited away");
            assertEquals(List.of(file), fileIds(edited.json().getJsonObject("message")));
            assertEquals(List.of(file), fileIds(b.awaitJson("message_updated")));
            assertEquals(204, api.put("/api/messages/" + id + "/reactions/%F0%9F%91%8D", bob.token()).status());
            assertEquals(List.of(file), fileIds(b.awaitJson("message_updated")));
        }
        long plain = api.postMessage(alice, room, "no file");
        assertEquals("invalid_payload", api.send("PATCH", "/api/messages/" + plain, alice.token(), "{\"text\": \" \"}").errorCode(),
                "without files, the text may not be empty");

        assertEquals(204, api.delete("/api/messages/" + id, alice.token()).status());
        JsonObject tombstone = history(bob, "/api/rooms/" + room + "/messages?limit=2").getJsonArray("messages").getJsonObject(1);
        assertEquals(id, tombstone.getJsonNumber("id").longValue());
        assertEquals(List.of(), fileIds(tombstone), "a deleted message has no files");
        assertEquals(404, fetchAs(alice, file), "deleted with its message, for its uploader too");
        assertEquals(404, fetchAs(bob, file));
    }

    @Test
    void aSignedLinkStopsWorkingOnceItsMessageIsDeleted() {
        Login alice = api.registerAndLogin("fm_link");
        String room = api.createRoom(alice, "fmlink");
        long file = uploadId(alice, "gone.txt", "soon gone");
        Reply posted = api.post("/api/rooms/" + room + "/messages", alice.token(), body("x", file));
        String url = posted.json().getJsonObject("message").getJsonArray("files").getJsonObject(0).getString("url");
        assertEquals(200, fetchLink(url).status());
        assertEquals(204, api.delete("/api/messages/" + Api.messageId(posted), alice.token()).status());
        assertEquals(404, fetchLink(url).status());
    }

    @Test
    void retentionDeletesTheFilesOfTheMessagesItSweeps() {
        Login owner = api.registerAndLogin("fm_ret");
        String room = api.createRoom(owner, "fmret");
        long file = uploadId(owner, "old.txt", "old news");
        Api.messageId(api.post("/api/rooms/" + room + "/messages", owner.token(), body("old", file)));
        assertEquals(200, api.send("PATCH", "/api/rooms/" + room, owner.token(), "{\"retention\": \"PT2S\"}").status());
        // The build's servers sweep every second (parley.retention-sweep).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> history(owner, "/api/rooms/" + room + "/messages").getJsonArray("messages").isEmpty());
        assertEquals(404, fetchAs(owner, file), "swept with its message");
    }

    @Test
    void theExportListsEachMessagesFilesAndTheAdminCountsThem() {
        Login alice = api.registerAndLogin("fm_exp");
        String room = api.createRoom(alice, "fmexp");
        byte[] big = new byte[100_000];
        JsonObject uploaded = upload(alice, "big.bin", big);
        long file = uploaded.getJsonNumber("id").longValue();
        long id = Api.messageId(api.post("/api/rooms/" + room + "/messages", alice.token(), body("the export", file)));

        Reply export = api.get("/api/users/me/export", alice.token());
        assertEquals(200, export.status(), export::body);
        JsonObject written = export.json().getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
        JsonObject listed = written.getJsonArray("files").getJsonObject(0);
        assertEquals(file, listed.getJsonNumber("id").longValue());
        assertEquals("big.bin", listed.getString("name"));
        assertEquals(uploaded.getJsonNumber("size").longValue(), listed.getJsonNumber("size").longValue());

        // Every stored file counts, attached or not; the suite runs one class at a time, so the difference is this upload.
        Login admin = api.admin();
        JsonObject before = api.get("/api/admin/stats", admin.token()).json();
        assertTrue(before.getJsonNumber("files").longValue() >= 1 && before.getJsonNumber("fileBytes").longValue() >= big.length,
                before::toString);
        uploadId(alice, "more.txt", "12345");
        JsonObject after = api.get("/api/admin/stats", admin.token()).json();
        assertEquals(before.getJsonNumber("files").longValue() + 1, after.getJsonNumber("files").longValue());
        assertEquals(before.getJsonNumber("fileBytes").longValue() + 5, after.getJsonNumber("fileBytes").longValue());
    }
}
