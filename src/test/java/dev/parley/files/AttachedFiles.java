package dev.parley.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.json.JSONArray;
import org.json.JSONObject;

/** Uploading files and reading them back, for the tests of files on messages (this class and the cluster's). */
public final class AttachedFiles {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private AttachedFiles() {
    }

    /** {@code POST /api/files?name=} by {@code owner}: the {@code file} object of the 201 answer. */
    public static JsonObject upload(Api api, Login owner, String name, byte[] bytes) {
        HttpResponse<String> r = http(HttpRequest.newBuilder(URI.create(api.url() + "/api/files?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + owner.token()).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), () -> "upload: " + r.body());
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject().getJsonObject("file");
        }
    }

    /** Uploads a text file; its id. */
    public static long upload(Api api, Login owner, String name, String content) {
        return upload(api, owner, name, content.getBytes(StandardCharsets.UTF_8)).getJsonNumber("id").longValue();
    }

    /** A signed link (an absolute path on the server) fetched with no Authorization header. */
    public static HttpResponse<byte[]> fetchLink(Api api, String url) {
        return http(HttpRequest.newBuilder(URI.create(api.url() + url)).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** {@code GET /api/files/{id}} with {@code who}'s bearer token: the status. */
    public static int fetchAs(Api api, Login who, long fileId) {
        return http(HttpRequest.newBuilder(URI.create(api.url() + "/api/files/" + fileId)).header("Authorization", "Bearer " + who.token()).GET(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
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

    private static <T> HttpResponse<T> http(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
