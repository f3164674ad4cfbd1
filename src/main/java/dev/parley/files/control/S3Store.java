package dev.parley.files.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Files' bytes in an S3-compatible object store ({@code PARLEY_FILE_STORE=s3}), one object per key in
 * one bucket. Streamed both ways: a file of unknown length goes up as a multipart upload, one part
 * buffered at a time; a read is a ranged GET whose body the caller reads off the connection.
 *
 * <p>Through the AWS SDK's synchronous client on the JDK's own HttpURLConnection (no native code, no
 * extra HTTP library). Checksums are sent and checked only where S3 requires them: several
 * S3-compatible servers refuse the SDK's newer checksum trailers, and the files table keeps each
 * file's SHA-256 anyway.
 *
 * <p>Connected at startup by {@link #start} when {@code PARLEY_FILE_STORE=s3} (settings missing, the
 * store unreachable or refusing: the server does not start); outside the container, {@link #open}.
 * Typed to itself only, so that the one {@link FileStore} bean is the one {@link FileStores} picks.
 */
@ApplicationScoped
@Typed(S3Store.class)
public class S3Store implements FileStore, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(S3Store.class.getName());
    /** Above S3's 5 MB floor for all parts but the last; 10,000 parts then allow 80 GB, far above any upload limit. */
    static final int PART_SIZE = 8 * 1024 * 1024;
    /** DeleteObjects takes at most this many keys a request. */
    private static final int DELETE_BATCH = 1000;

    @Inject
    Config config;

    // set once at startup, before any request
    private volatile S3Client client;
    private volatile String bucket;
    private volatile String described = "S3 store (not connected)";

    /** For CDI; {@link #start} connects it. */
    protected S3Store() {
    }

    /**
     * A store connected with these settings, outside the container (tests, the benchmark); see
     * {@link #start} for what can fail.
     */
    public static S3Store open(S3Settings settings) {
        S3Store store = new S3Store();
        store.connect(settings);
        return store;
    }

    /**
     * Reads {@code PARLEY_S3_*} and connects, making the bucket if it is missing. An
     * {@link IllegalArgumentException} names missing settings; an {@link IllegalStateException} says
     * why the store cannot be used (unreachable, refused); neither holds a secret.
     */
    public void start() {
        connect(S3Settings.read(name -> config.getOptionalValue(name, String.class)));
        LOG.info(() -> "Files are stored in the " + toString());
    }

    private void connect(S3Settings settings) {
        S3Client connecting = client(settings);
        try {
            ensureBucket(connecting, settings.bucket(), settings.region());
        } catch (RuntimeException unusable) {
            connecting.close();
            throw unusable;
        }
        this.bucket = settings.bucket();
        this.client = connecting;
        this.described = settings.toString();
    }

    @Override
    public String toString() {
        return described;
    }

    static S3Client client(S3Settings settings) {
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build())
                .endpointOverride(settings.endpoint())
                .forcePathStyle(true)
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // aws-chunked signing read bodies in small pieces (most of an upload's CPU, measured); without it a
                // part is signed by its SHA-256 over plain HTTP and sent unsigned over HTTPS, as S3 allows
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .build();
    }

    private static void ensureBucket(S3Client client, String bucket, String region) {
        try {
            client.headBucket(b -> b.bucket(bucket));
            return;
        } catch (NoSuchBucketException missing) {
            // made below
        } catch (SdkClientException unreachable) {
            throw new IllegalStateException("the S3 store cannot be reached: " + unreachable.getMessage());
        } catch (S3Exception refused) {
            throw new IllegalStateException("the S3 store refused to show bucket " + bucket + ": HTTP " + refused.statusCode()
                    + " " + errorCode(refused) + " (check PARLEY_S3_ACCESS_KEY, PARLEY_S3_SECRET_KEY and the bucket's permissions)");
        } catch (SdkException failed) {
            throw new IllegalStateException("the S3 store failed: " + describe(failed));
        }
        try {
            // Amazon S3 wants the region named for any but us-east-1; S3-compatible servers accept either.
            client.createBucket(b -> {
                b.bucket(bucket);
                if (!Region.US_EAST_1.id().equals(region)) b.createBucketConfiguration(c -> c.locationConstraint(region));
            });
            LOG.info(() -> "Made the S3 bucket " + bucket);
        } catch (BucketAlreadyOwnedByYouException anotherNodeWasFirst) {
            // fine: it is there
        } catch (SdkException refused) {
            throw new IllegalStateException("the S3 bucket " + bucket + " is missing and could not be made: " + describe(refused));
        }
    }

    @Override
    public long write(String key, InputStream bytes) throws IOException {
        S3Part part = new S3Part();
        part.fill(bytes);
        if (!part.full()) { // the whole file fits in one part: one PUT
            try {
                client.putObject(b -> b.bucket(bucket).key(key).contentLength((long) part.length()), part.body());
            } catch (SdkException failed) {
                throw failure("write", key, failed);
            }
            return part.length();
        }
        String upload;
        try {
            upload = client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        } catch (SdkException failed) {
            throw failure("write", key, failed);
        }
        List<CompletedPart> parts = new ArrayList<>();
        long stored = 0;
        try {
            do {
                int number = parts.size() + 1;
                String etag = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(number)
                        .contentLength((long) part.length()), part.body()).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                stored += part.length();
            } while (part.fill(bytes) > 0);
            client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload).multipartUpload(m -> m.parts(parts)));
            return stored;
        } catch (SdkException failed) {
            abort(key, upload);
            throw failure("write", key, failed);
        } catch (IOException | RuntimeException failed) { // the upload's own stream failed or was cut
            abort(key, upload);
            throw failed;
        }
    }

    /** Parts already sent would otherwise be kept, and billed, until a lifecycle rule removes them. */
    private void abort(String key, String upload) {
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload));
        } catch (SdkException e) {
            LOG.warning(() -> "Could not abort the S3 multipart upload of " + key + ": " + describe(e));
        }
    }

    @Override
    public InputStream read(String key, long offset, long length) throws IOException {
        if (length == 0) return InputStream.nullInputStream(); // a range cannot say "nothing"
        try {
            return client.getObject(b -> b.bucket(bucket).key(key).range("bytes=" + offset + "-" + (offset + length - 1)));
        } catch (NoSuchKeyException missing) {
            throw new NoSuchFileException(key);
        } catch (SdkException failed) {
            throw failure("read", key, failed);
        }
    }

    @Override
    public void delete(Collection<String> keys) throws IOException {
        List<ObjectIdentifier> all = keys.stream().distinct().map(k -> ObjectIdentifier.builder().key(k).build()).toList();
        for (int from = 0; from < all.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = all.subList(from, Math.min(all.size(), from + DELETE_BATCH));
            DeleteObjectsResponse answer;
            try {
                answer = client.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
            } catch (SdkException failed) {
                throw failure("delete", batch.get(0).key() + (batch.size() > 1 ? " and " + (batch.size() - 1) + " more" : ""), failed);
            }
            // a key with nothing stored is reported deleted, so any error is a real one
            List<S3Error> errors = answer.errors();
            if (!errors.isEmpty()) {
                S3Error first = errors.get(0);
                throw new IOException("S3 delete of " + errors.size() + " keys failed, first " + first.key() + ": " + first.code() + " " + first.message());
            }
        }
    }

    @Override
    @PreDestroy
    public void close() {
        S3Client open = client;
        if (open != null) open.close();
    }

    private static IOException failure(String what, String key, SdkException e) {
        return new IOException("S3 " + what + " of " + key + " failed: " + describe(e), e);
    }

    private static String describe(SdkException e) {
        return e instanceof S3Exception s3 ? "HTTP " + s3.statusCode() + " " + errorCode(s3) : e.getMessage();
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null ? e.awsErrorDetails().errorCode() : "";
    }
}
