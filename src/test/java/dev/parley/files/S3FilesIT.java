package dev.parley.files;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api.Login;
import dev.parley.support.FileTransfers;
import dev.parley.support.FileTransfers.Answer;
import dev.parley.support.OwnServer;
import dev.parley.support.S3Server;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads and downloads over REST on a server of its own whose files are in the build's S3Proxy
 * ({@code PARLEY_FILE_STORE=s3}, support/S3Server), in a bucket the server makes at startup; and
 * servers that must refuse to start: an S3 setting missing, the store unreachable, a wrong secret.
 * Port offset 4 (OriginIT's too; classes run one at a time) and 0 for the refusals (DefaultLimitsIT's).
 */
class S3FilesIT {
    private static final String BUCKET = "parley-rest-" + UUID.randomUUID().toString().substring(0, 8);

    @RegisterExtension
    static final OwnServer server = s3(OwnServer.named("files_s3", 4), S3Server.endpoint(), BUCKET, S3Server.SECRET_KEY)
            .with("parley.file.unattached-ttl", "PT20S")
            .with("parley.file.sweep", "PT1S")
            .with("parley.file.upload.burst", "1000");

    private static S3Client bucket;

    static OwnServer s3(OwnServer server, String endpoint, String bucket, String secret) {
        return server.with("parley.file.store", "s3").with("parley.s3.endpoint", endpoint).with("parley.s3.bucket", bucket)
                .with("parley.s3.region", S3Server.REGION).with("parley.s3.access-key", S3Server.ACCESS_KEY)
                .with("parley.s3.secret-key", secret);
    }

    @BeforeAll
    static void lookIntoTheBucket() {
        bucket = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(URI.create(S3Server.endpoint()))
                .forcePathStyle(true).region(Region.of(S3Server.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .build();
    }

    @AfterAll
    static void close() {
        if (bucket != null) bucket.close();
    }

    private static Set<String> objects() {
        return bucket.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().map(o -> o.key()).collect(Collectors.toSet());
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aFileOfSeveralPartsGoesIntoTheBucketAndComesBackWholeAndByRange() {
        Login owner = server.api().guest("s3up");
        FileTransfers files = new FileTransfers(server.url());
        byte[] bytes = random(20 * 1024 * 1024 + 3, 1); // three 8 MB parts, the last short
        Set<String> before = objects();
        JsonObject file = files.upload(owner.token(), "big.bin", bytes).file();
        assertEquals(bytes.length, file.getJsonNumber("size").longValue());
        Set<String> added = new HashSet<>(objects());
        added.removeAll(before);
        assertEquals(1, added.size(), "one object in the bucket: " + added);
        assertEquals(bytes.length, bucket.headObject(b -> b.bucket(BUCKET).key(added.iterator().next())).contentLength());

        Answer whole = files.get("/api/files/" + file.getJsonNumber("id"), owner.token());
        assertEquals(200, whole.status());
        assertArrayEquals(bytes, whole.body());
        Answer linked = files.get(file.getString("url"), null);
        assertEquals(200, linked.status());
        assertArrayEquals(bytes, linked.body());

        int boundary = 8 * 1024 * 1024;
        Answer range = files.get("/api/files/" + file.getJsonNumber("id"), owner.token(), "Range", "bytes=" + (boundary - 5) + "-" + (boundary + 4));
        assertEquals(206, range.status());
        assertArrayEquals(Arrays.copyOfRange(bytes, boundary - 5, boundary + 5), range.body());
        assertEquals("bytes " + (boundary - 5) + "-" + (boundary + 4) + "/" + bytes.length, range.header("Content-Range"));
        Answer tail = files.get("/api/files/" + file.getJsonNumber("id"), owner.token(), "Range", "bytes=-7");
        assertEquals(206, tail.status());
        assertArrayEquals(Arrays.copyOfRange(bytes, bytes.length - 7, bytes.length), tail.body());
    }

    @Test
    void aChunkedUploadAndAMultipartFormAreStoredAndReadBack() {
        Login owner = server.api().guest("s3chunk");
        FileTransfers files = new FileTransfers(server.url());
        byte[] streamed = random(9 * 1024 * 1024, 2);
        JsonObject chunked = files.uploadChunked(owner.token(), "streamed.bin", () -> new ByteArrayInputStream(streamed)).file();
        assertArrayEquals(streamed, files.get(chunked.getString("url"), null).body());

        byte[] small = "a small note, one PUT".getBytes();
        JsonObject form = files.uploadMultipart(owner.token(), null, "note.txt", small).file();
        assertEquals("note.txt", form.getString("name"));
        Answer back = files.get("/api/files/" + form.getJsonNumber("id"), owner.token());
        assertArrayEquals(small, back.body());
        assertTrue(back.header("Content-Type").startsWith("text/plain"), back.header("Content-Type"));

        Login stranger = server.api().guest("s3stranger");
        assertEquals(404, files.get("/api/files/" + form.getJsonNumber("id"), stranger.token()).status());
    }

    @Test
    void anOversizedUploadLeavesNothingInTheBucket() {
        Login owner = server.api().guest("s3big");
        FileTransfers files = new FileTransfers(server.url());
        Set<String> before = objects();
        Answer refused = files.uploadChunked(owner.token(), "too-big.bin", () -> new ByteArrayInputStream(new byte[(int) FilesIT.MAX + 1]));
        assertEquals(413, refused.status());
        assertEquals("too_large", refused.errorCode());
        assertEquals(before, objects());
    }

    @Test
    void anUnattachedUploadSweptIsDeletedFromTheBucket() {
        Login owner = server.api().guest("s3sweep");
        FileTransfers files = new FileTransfers(server.url());
        Set<String> before = objects();
        JsonObject file = files.upload(owner.token(), "swept.bin", random(1000, 3)).file();
        Set<String> added = new HashSet<>(objects());
        added.removeAll(before);
        assertEquals(1, added.size());
        String key = added.iterator().next();
        // attached to nothing, swept after 20 s: the row and then, after its commit, the object
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> files.get("/api/files/" + file.getJsonNumber("id"), owner.token()).status() == 404);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> !objects().contains(key));
    }

    @Test
    void aServerWithAnS3SettingMissingTheStoreUnreachableOrAWrongSecretDoesNotStartAndSaysWhy() throws Exception {
        String wrongSecret = "not-" + S3Server.SECRET_KEY;
        String[][] cases = {
            {"", "PARLEY_FILE_STORE=s3, but these settings are missing: PARLEY_S3_BUCKET"},
            {"http://127.0.0.1:1", "PARLEY_FILE_STORE=s3, but the S3 store cannot be reached"},
            {wrongSecret, "PARLEY_FILE_STORE=s3, but the S3 store refused to show bucket " + BUCKET + ": HTTP 403"},
        };
        for (String[] c : cases) {
            OwnServer bad = OwnServer.named("files_s3_bad", 0).embedded();
            if (c[0].isEmpty()) s3(bad, S3Server.endpoint(), "", S3Server.SECRET_KEY);
            else if (c[0].startsWith("http")) s3(bad, c[0], BUCKET, S3Server.SECRET_KEY);
            else s3(bad, S3Server.endpoint(), BUCKET, c[0]);
            Files.deleteIfExists(bad.log());
            int status = bad.spawn().awaitExitWithin(Duration.ofMinutes(3));
            assertEquals(1, status, "the process stops; see " + bad.log());
            String log = Files.readString(bad.log());
            assertTrue(log.contains(c[1]), "the log says why (" + c[1] + "): " + bad.log());
            assertFalse(log.contains(S3Server.SECRET_KEY), "no secret in the log: " + bad.log());
        }
    }
}
