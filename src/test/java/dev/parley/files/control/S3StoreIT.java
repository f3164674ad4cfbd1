package dev.parley.files.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.S3Server;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 store against a real S3-compatible server: the build's S3Proxy (support/S3Server), through
 * the same client settings as a deployment's. Each test run uses a bucket of its own, made by
 * {@link S3Store#open} as a deployment's would be.
 */
class S3StoreIT {
    private static final long MB = 1024 * 1024;
    private static final String BUCKET = "parley-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static S3Store store;
    private static S3Client raw;

    @BeforeAll
    static void open() {
        store = S3Store.open(settings(BUCKET, S3Server.SECRET_KEY));
        raw = S3Store.client(settings(BUCKET, S3Server.SECRET_KEY));
    }

    @AfterAll
    static void close() {
        if (store != null) store.close();
        if (raw != null) raw.close();
    }

    static S3Settings settings(String bucket, String secret) {
        return settings(S3Server.endpoint(), bucket, secret);
    }

    static S3Settings settings(String endpoint, String bucket, String secret) {
        Map<String, String> config = Map.of("parley.s3.endpoint", endpoint, "parley.s3.bucket", bucket,
                "parley.s3.region", S3Server.REGION, "parley.s3.access-key", S3Server.ACCESS_KEY, "parley.s3.secret-key", secret);
        return S3Settings.read(name -> Optional.ofNullable(config.get(name)));
    }

    private static String key() {
        return "it/" + UUID.randomUUID();
    }

    private static byte[] readAll(String key, long offset, long length) throws IOException {
        try (InputStream in = store.read(key, offset, length)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aSmallFileIsWrittenAndReadBack() throws IOException {
        byte[] bytes = "a small file, stored in one PUT".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String key = key();
        assertEquals(bytes.length, store.write(key, new ByteArrayInputStream(bytes)));
        assertArrayEquals(bytes, readAll(key, 0, bytes.length));
    }

    @Test
    void anEmptyFileIsStoredAndReadAsNothing() throws IOException {
        String key = key();
        assertEquals(0, store.write(key, InputStream.nullInputStream()));
        assertArrayEquals(new byte[0], readAll(key, 0, 0));
        assertTrue(raw.headObject(b -> b.bucket(BUCKET).key(key)).contentLength() == 0);
    }

    @Test
    void aFileOfSeveralPartsReadsBackWholeAndByRangesAcrossParts() throws IOException {
        byte[] bytes = new byte[(int) (2 * S3Store.PART_SIZE + 12345)];
        new SplittableRandom(7).nextBytes(bytes);
        String key = key();
        // a stream that hands out odd-sized reads, as a network does
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 77_777));
            }
        };
        assertEquals(bytes.length, store.write(key, trickle));
        assertEquals(bytes.length, raw.headObject(b -> b.bucket(BUCKET).key(key)).contentLength());
        assertArrayEquals(bytes, readAll(key, 0, bytes.length));
        int boundary = S3Store.PART_SIZE;
        assertArrayEquals(Arrays.copyOfRange(bytes, boundary - 10, boundary + 90), readAll(key, boundary - 10, 100));
        assertArrayEquals(Arrays.copyOfRange(bytes, bytes.length - 1, bytes.length), readAll(key, bytes.length - 1, 1));
        assertArrayEquals(Arrays.copyOfRange(bytes, 0, 1), readAll(key, 0, 1));
    }

    @Test
    void aFileOfExactlyOnePartIsOnePut() throws IOException {
        byte[] bytes = new byte[S3Store.PART_SIZE];
        new SplittableRandom(8).nextBytes(bytes);
        String key = key();
        assertEquals(bytes.length, store.write(key, new ByteArrayInputStream(bytes)));
        assertArrayEquals(bytes, readAll(key, 0, bytes.length));
    }

    @Test
    void deletingManyKeysDeletesThemAllAndIgnoresKeysWithNothingStored() throws IOException {
        // more than one DeleteObjects request takes
        List<String> keys = IntStream.range(0, 1003).mapToObj(i -> "it/many/" + UUID.randomUUID()).toList();
        for (String key : keys) store.write(key, new ByteArrayInputStream(new byte[] {1}));
        String kept = key();
        store.write(kept, new ByteArrayInputStream(new byte[] {2}));
        List<String> toDelete = new ArrayList<>(keys);
        toDelete.add("it/never-written/" + UUID.randomUUID());
        toDelete.add(keys.get(0)); // twice
        store.delete(toDelete);
        for (String key : List.of(keys.get(0), keys.get(1000), keys.get(1002))) {
            assertThrows(NoSuchFileException.class, () -> store.read(key, 0, 1));
        }
        assertEquals(0, raw.listObjectsV2(b -> b.bucket(BUCKET).prefix("it/many/")).keyCount());
        assertArrayEquals(new byte[] {2}, readAll(kept, 0, 1));
    }

    @Test
    void deletingOnlyMissingKeysOrNoneIsNoError() throws IOException {
        store.delete(List.of("it/never-written/" + UUID.randomUUID()));
        store.delete(List.of());
    }

    @Test
    void readingAMissingKeyIsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> store.read("it/never-written/" + UUID.randomUUID(), 0, 10));
    }

    @Test
    void anUploadWhoseStreamFailsLeavesNoObjectAndNoPartsBehind() {
        String key = key();
        IOException cut = new IOException("the client went away");
        InputStream failing = new InputStream() {
            long left = 20 * MB; // past two parts

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) throw cut;
                int n = (int) Math.min(len, left);
                left -= n;
                return n;
            }
        };
        IOException thrown = assertThrows(IOException.class, () -> store.write(key, failing));
        assertSame(cut, thrown);
        assertThrows(NoSuchFileException.class, () -> store.read(key, 0, 1));
        assertTrue(raw.listMultipartUploads(b -> b.bucket(BUCKET).prefix(key)).uploads().isEmpty(), "the multipart upload was aborted");
    }

    @Test
    void openingMakesAMissingBucketAndOpensAnExistingOne() {
        String bucket = "parley-it-new-" + UUID.randomUUID().toString().substring(0, 8);
        S3Store.open(settings(bucket, S3Server.SECRET_KEY)).close();
        raw.headBucket(b -> b.bucket(bucket)); // throws if missing
        S3Store.open(settings(bucket, S3Server.SECRET_KEY)).close();
        raw.deleteBucket(b -> b.bucket(bucket));
    }

    @Test
    void openingFailsClearlyOnAWrongSecretOrAnUnreachableStore() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> S3Store.open(settings(BUCKET, "wrong-secret")));
        assertTrue(refused.getMessage().startsWith("the S3 store refused to show bucket " + BUCKET + ": HTTP 403"), refused.getMessage());
        assertFalse(refused.getMessage().contains("wrong-secret"));
        // nothing listens on port 1
        IllegalStateException unreachable = assertThrows(IllegalStateException.class,
                () -> S3Store.open(settings("http://127.0.0.1:1", BUCKET, S3Server.SECRET_KEY)));
        assertTrue(unreachable.getMessage().startsWith("the S3 store cannot be reached"), unreachable.getMessage());
        assertEquals(URI.create("http://127.0.0.1:1"), settings("http://127.0.0.1:1", BUCKET, "x").endpoint());
    }

    /**
     * 200 MB up and down again, checked by SHA-256, never held in memory: the heap still in use after
     * a full collection half-way through each direction stays within a part or two of what it was
     * before (a store that buffered the file would hold 100 MB there). Prints the figures; says
     * nothing about time.
     */
    @Test
    void twoHundredMegabytesStreamBothWaysInBoundedHeap() throws Exception {
        long size = 200 * MB;
        String key = key();
        long before = liveHeap();
        Generated source = new Generated(size, 42);
        assertEquals(size, store.write(key, source));
        long duringUpload = source.liveHeapHalfWay;

        MessageDigest readBack = MessageDigest.getInstance("SHA-256");
        long duringDownload = -1;
        long read = 0;
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = store.read(key, 0, size)) {
            for (int n; (n = in.read(chunk)) > 0; ) {
                readBack.update(chunk, 0, n);
                read += n;
                if (duringDownload < 0 && read >= size / 2) duringDownload = liveHeap();
            }
        }
        assertEquals(size, read);
        assertArrayEquals(source.digest.digest(), readBack.digest(), "the bytes read back are the bytes written");
        System.out.printf("S3StoreIT: 200 MB through S3Store; heap in use after a full GC: %d MB before, %d MB half-way up, %d MB half-way down%n",
                before / MB, duringUpload / MB, duringDownload / MB);
        assertTrue(duringUpload - before < 40 * MB, "upload held " + (duringUpload - before) / MB + " MB");
        assertTrue(duringDownload - before < 40 * MB, "download held " + (duringDownload - before) / MB + " MB");
        store.delete(List.of(key));
    }

    /** Heap in use after a full collection: what is actually held. */
    static long liveHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** {@code size} pseudo-random bytes made as they are read, their SHA-256 taken on the way; measures the heap half-way. */
    static final class Generated extends InputStream {
        final MessageDigest digest;
        private final SplittableRandom random;
        private final long size;
        private long given;
        long liveHeapHalfWay = -1;

        Generated(long size, long seed) throws Exception {
            this.size = size;
            this.random = new SplittableRandom(seed);
            this.digest = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (given == size) return -1;
            if (liveHeapHalfWay < 0 && given >= size / 2) liveHeapHalfWay = liveHeap();
            int n = (int) Math.min(Math.min(len, 64 * 1024), size - given);
            for (int i = 0; i < n; i += 8) {
                long r = random.nextLong();
                for (int j = 0; j < 8 && i + j < n; j++) b[off + i + j] = (byte) (r >>> (8 * j));
            }
            digest.update(b, off, n);
            given += n;
            return n;
        }
    }
}
