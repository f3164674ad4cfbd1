package dev.parley.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.awaitility.Awaitility;
import org.json.JSONObject;

/**
 * Files end to end on a server of the build's smoke checks (WildFly on the embedded default, with its
 * files in the build's S3 server): a file larger than one S3 part uploaded, posted in a room over REST,
 * heard over Socket.IO by the other member with its signed link, downloaded whole and by a range
 * through that link, and gone with its message.
 */
final class FileSmoke {
    private FileSmoke() {
    }

    /** Until the object store at {@code endpoint} answers HTTP at all (the build spawned it just before). */
    static void awaitStore(String endpoint, Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(5)).GET().build();
        Awaitility.await("the object store at " + endpoint + " answers").atMost(timeout).pollInterval(Duration.ofMillis(250))
                .ignoreException(java.io.IOException.class)
                .until(() -> client.send(request, HttpResponse.BodyHandlers.discarding()) != null);
    }

    static void run(String url) {
        Api api = new Api(url);
        FileTransfers files = new FileTransfers(url);
        Api.Login alice = api.registerAndLogin("wf_files");
        Api.Login bob = api.registerAndLogin("wf_files");
        String room = api.roomOf(alice, bob);
        byte[] bytes = new byte[9 * 1024 * 1024]; // more than the S3 store's 8 MB part: a multipart upload
        new Random(26).nextBytes(bytes);
        long file = files.upload(alice.token(), "report.bin", bytes).file().getJsonNumber("id").longValue();
        try (Sock listening = Sock.connectTo(url, bob.token(), "websocket")) {
            listening.awaitReady();
            long id = Api.messageId(api.post("/api/rooms/" + room + "/messages", alice.token(),
                    "{\"text\": \"the report\", \"files\": [" + file + "]}"));
            JSONObject heard = listening.awaitMessage(id).getJSONArray("files").getJSONObject(0);
            check(heard.getLong("id") == file, "the message heard carries the file");
            FileTransfers.Answer whole = files.get(heard.getString("url"), null);
            check(whole.status() == 200 && Arrays.equals(bytes, whole.body()), "the signed link serves the bytes: " + whole.status());
            FileTransfers.Answer range = files.get(heard.getString("url"), null, "Range", "bytes=8388600-8388615");
            check(range.status() == 206 && Arrays.equals(Arrays.copyOfRange(bytes, 8388600, 8388616), range.body()),
                    "a range across the parts: " + range.status());
            check(api.delete("/api/messages/" + id, alice.token()).status() == 204, "the message is deleted");
            check(files.get("/api/files/" + file, alice.token()).status() == 404, "the file goes with its message");
        }
        System.out.println("WildFly with files in S3: a 9 MB file uploaded, posted, heard, downloaded whole and by range, deleted");
    }

    private static void check(boolean ok, String what) {
        if (!ok) throw new AssertionError(what);
    }
}
