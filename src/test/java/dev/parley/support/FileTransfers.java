package dev.parley.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Uploads and downloads over real HTTP, for the files tests and any test that needs a file: the raw body
 * ({@code ?name=}), multipart/form-data, or a body of unknown length (chunked); downloads as bytes, with
 * a bearer token or none (a signed link), and any extra headers (Range, If-None-Match).
 */
public final class FileTransfers {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public FileTransfers(String base) {
        this.base = base;
    }

    public static FileTransfers server() {
        return new FileTransfers(Server.url());
    }

    /** An answer: status, body bytes, headers. */
    public record Answer(int status, byte[] body, HttpResponse<byte[]> response) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(text()))) {
                return reader.readObject();
            }
        }

        /** The {@code file} object of a 201 upload answer. */
        public JsonObject file() {
            if (status != 201) throw new AssertionError("upload: " + status + " " + text());
            return json().getJsonObject("file");
        }

        public String errorCode() {
            return json().getJsonObject("error").getString("code");
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    /** {@code POST /api/files?name=} with the bytes as the body (a Content-Length). */
    public Answer upload(String token, String name, byte[] bytes) {
        return send(post(token, name).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** The same with a body of unknown length (chunked), read from {@code bytes} as the client sends. */
    public Answer uploadChunked(String token, String name, Supplier<InputStream> bytes) {
        return send(post(token, name).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(bytes)));
    }

    /** {@code POST /api/files} as multipart/form-data: one part {@code file} with {@code filename}; {@code name} in the query unless null. */
    public Answer uploadMultipart(String token, String name, String filename, byte[] bytes) {
        String boundary = "----parley" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nignored\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(post(token, name).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** {@code GET} of a path on the server (a file's {@code url}, say), with a bearer token unless null, and header pairs. */
    public Answer get(String path, String token, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(b);
    }

    private HttpRequest.Builder post(String token, String name) {
        String query = name == null ? "" : "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/files" + query)).timeout(Duration.ofSeconds(120));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
