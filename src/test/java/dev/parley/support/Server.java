package dev.parley.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;

/** The Parley server the black-box tests talk to: started by the build, awaited here. */
public final class Server {
    public static final String URL = System.getProperty("parley.url", "http://127.0.0.1:8181");
    private static volatile boolean ready;

    private Server() {
    }

    /** The base URL once {@code /health/ready} answers 200 (the build starts the server just before the tests). */
    public static String url() {
        if (!ready) awaitReady(URL, Duration.ofMinutes(3));
        ready = true;
        return URL;
    }

    public static void awaitReady(String base, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var probe = HttpRequest.newBuilder(URI.create(base + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
        Awaitility.await("Parley at " + base + " ready").atMost(timeout).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }
}
