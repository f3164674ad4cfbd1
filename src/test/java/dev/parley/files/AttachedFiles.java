package dev.parley.files;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.FileTransfers;
import dev.parley.support.FileTransfers.Answer;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.json.JSONArray;
import org.json.JSONObject;

/** Files on messages in the tests (this package's and the cluster's): uploads through support/FileTransfers, and messages' files read. */
public final class AttachedFiles {
    private AttachedFiles() {
    }

    /** {@code POST /api/files?name=} by {@code owner} on {@code api}'s server: the {@code file} object of the 201 answer. */
    public static JsonObject upload(Api api, Login owner, String name, byte[] bytes) {
        return new FileTransfers(api.url()).upload(owner.token(), name, bytes).file();
    }

    /** Uploads a text file; its id. */
    public static long upload(Api api, Login owner, String name, String content) {
        return upload(api, owner, name, content.getBytes(StandardCharsets.UTF_8)).getJsonNumber("id").longValue();
    }

    /** A signed link (an absolute path on the server) fetched with no Authorization header. */
    public static Answer fetchLink(Api api, String url) {
        return new FileTransfers(api.url()).get(url, null);
    }

    /** {@code GET /api/files/{id}} with {@code who}'s bearer token: the status. */
    public static int fetchAs(Api api, Login who, long fileId) {
        return new FileTransfers(api.url()).get("/api/files/" + fileId, who.token()).status();
    }

    /** A Socket.IO payload with {@code files} set. */
    public static JSONObject withFiles(JSONObject payload, long... files) {
        JSONArray ids = new JSONArray();
        for (long id : files) ids.put(id);
        return payload.put("files", ids);
    }

    /** The ids of a message's files, in its order. */
    public static List<Long> fileIds(JSONObject message) {
        JSONArray files = message.getJSONArray("files");
        return IntStream.range(0, files.length()).mapToObj(i -> files.getJSONObject(i).getLong("id")).toList();
    }

    public static List<Long> fileIds(JsonObject message) {
        return message.getJsonArray("files").getValuesAs(JsonObject.class).stream().map(f -> f.getJsonNumber("id").longValue()).toList();
    }
}
