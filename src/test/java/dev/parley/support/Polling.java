package dev.parley.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.json.JSONObject;

/** Engine.IO long-polling spoken by hand, for tests about the transport itself. */
public final class Polling {
    public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Polling() {
    }

    /** A new polling session on the shared test server: its sid. */
    public static String handshake() throws Exception {
        HttpResponse<String> open = HTTP.send(HttpRequest.newBuilder(URI.create(Server.url() + "/socket.io/?EIO=4&transport=polling"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, open.statusCode(), open.body());
        return new JSONObject(open.body().substring(1)).getString("sid");
    }

    public static HttpRequest.Builder request(String sid) {
        return HttpRequest.newBuilder(URI.create(Server.url() + "/socket.io/?EIO=4&transport=polling&sid=" + sid))
                .timeout(Duration.ofSeconds(20));
    }

    public static HttpResponse<String> post(String sid, String payload) throws Exception {
        return HTTP.send(request(sid).POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The next GET's body, which must be a 200. */
    public static String get(String sid) throws Exception {
        HttpResponse<String> response = HTTP.send(request(sid).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
