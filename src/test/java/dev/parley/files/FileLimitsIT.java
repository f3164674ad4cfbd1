package dev.parley.files;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.FileTransfers;
import dev.parley.support.FileTransfers.Answer;
import dev.parley.support.OwnServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The file limits that need settings of their own, on a server of their own with the default upload
 * budget: a small quota, links that live three seconds, and unattached uploads swept after eight.
 */
class FileLimitsIT {
    static final int QUOTA = 300_000;

    @RegisterExtension
    static final OwnServer server = OwnServer.named("file_limits", 1)
            .with("parley.file.quota-bytes", String.valueOf(QUOTA))
            .with("parley.file.link-ttl", "PT3S")
            .with("parley.file.unattached-ttl", "PT8S")
            .with("parley.file.sweep", "PT1S")
            .with("parley.signup.max-per-address", "1000");

    @Test
    void theQuotaCountsUnattachedUploadsUntilTheyAreSwept() {
        Api api = server.api();
        FileTransfers files = new FileTransfers(server.url());
        Login owner = api.guest("quota");
        JsonObject first = files.upload(owner.token(), "first.bin", new byte[200_000]).file();

        Answer declared = files.declareOnly(owner.token(), "second.bin", 150_000);
        assertEquals(413, declared.status());
        assertEquals("too_large", declared.errorCode());
        assertTrue(declared.json().getJsonObject("error").getString("message").contains("quota"), declared.text());
        Answer streamed = files.uploadChunked(owner.token(), "second.bin", () -> new java.io.ByteArrayInputStream(new byte[150_000]));
        assertEquals(413, streamed.status(), "counted as it comes when the length is not known");
        assertEquals(201, files.upload(owner.token(), "fits.bin", new byte[100_000]).status(), "exactly what is left");
        assertEquals(413, files.upload(owner.token(), "one.byte", new byte[1]).status());

        // Attached to nothing, both are swept after eight seconds, and the quota is free again.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> files.get("/api/files/" + first.getJsonNumber("id"), owner.token()).status() == 404);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> files.upload(owner.token(), "again.bin", new byte[250_000]).status() == 201);
    }

    @Test
    void aLinkStopsWorkingWhenItExpires() {
        Api api = server.api();
        FileTransfers files = new FileTransfers(server.url());
        Login owner = api.guest("expiry");
        JsonObject file = files.upload(owner.token(), "brief.txt", "soon gone".getBytes()).file();
        String url = file.getString("url");
        long exp = Long.parseLong(url.replaceAll(".*exp=([0-9]+).*", "$1"));
        assertTrue(exp - System.currentTimeMillis() / 1000 <= 3, url);
        assertEquals(200, files.get(url, null).status());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> files.get(url, null).status() == 403);
        Answer expired = files.get(url, null);
        assertEquals("forbidden", expired.errorCode());
        assertEquals(200, files.get("/api/files/" + file.getJsonNumber("id"), owner.token()).status(), "a bearer request still works");
    }

    @Test
    void uploadsHaveABudgetOfTheirOwn() {
        Api api = server.api();
        FileTransfers files = new FileTransfers(server.url());
        Login owner = api.guest("budget");
        long began = System.nanoTime();
        int stored = 0;
        Answer answer;
        while ((answer = files.upload(owner.token(), "tiny.txt", "x".getBytes())).status() == 201) {
            stored++;
            if (stored > 200) break;
        }
        long seconds = (System.nanoTime() - began) / 1_000_000_000L;
        assertEquals(429, answer.status(), answer.text());
        assertEquals("rate_limited", answer.errorCode());
        assertTrue(stored >= 30 && stored <= 30 + seconds + 1, stored + " uploads in " + seconds + " s before the first refusal");
        // Another user's budget is their own; a post (the write budget) is not the upload budget.
        assertEquals(201, files.upload(api.guest("budget2").token(), "tiny.txt", "x".getBytes()).status());
        api.postMessage(owner, "feed", "still posting");
    }
}
