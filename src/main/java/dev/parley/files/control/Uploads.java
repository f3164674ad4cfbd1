package dev.parley.files.control;

import dev.parley.database.DataFolder;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.RateLimited;
import dev.parley.errors.TooLarge;
import dev.parley.errors.Unavailable;
import dev.parley.files.control.StoredFiles.Upload;
import dev.parley.files.entity.FileView;
import dev.parley.files.entity.PictureSize;
import dev.parley.files.entity.StoredFile;
import dev.parley.files.entity.Thumbnail;
import dev.parley.errors.ParleyException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An upload, from the bytes coming in to the stored file: counted as they come (refused the moment they
 * pass the size limit or the quota), written to a temporary file in the data folder (private to the
 * server, deleted whatever happens), its type detected from the bytes, a picture's location removed and
 * its thumbnail made ({@link Pictures}), then the bytes and the row stored together ({@link StoredFiles}).
 * At most {@code parley.file.uploads-at-once} run on a node, which bounds the disk they take.
 */
@ApplicationScoped
public class Uploads {
    private static final Logger LOG = Logger.getLogger(Uploads.class.getName());

    @Inject
    StoredFiles files;

    @Inject
    Pictures pictures;

    @Inject
    FileViews views;

    @Inject
    UploadBudget budget;

    @Inject
    FileMetrics metrics;

    @Inject
    FileStores stores;

    @Inject
    @ConfigProperty(name = "parley.data-dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "parley.file.max-bytes")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "parley.file.quota-bytes")
    long quota;

    @Inject
    @ConfigProperty(name = "parley.file.uploads-at-once")
    int atOnce;

    private Path folder;
    private Semaphore inProgress;

    @PostConstruct
    void prepare() {
        folder = Path.of(dataDir).toAbsolutePath().resolve("uploads");
        DataFolder.secure(folder);
        inProgress = new Semaphore(atOnce);
        try (DirectoryStream<Path> left = Files.newDirectoryStream(folder)) { // a crash's leftovers
            for (Path file : left) Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + folder, e);
        }
    }

    /** Whether the user may upload now; counted. Checked before the body is read. */
    public void spend(long ownerId) {
        if (!budget.take(ownerId)) {
            metrics.refused();
            throw new RateLimited("Too many uploads; slow down");
        }
    }

    /**
     * How many bytes the owner may still send, and the refusal past them: the size limit, or what is left
     * of the quota if less. A declared length over it is refused before a byte is read.
     */
    public long room(long ownerId, long declaredLength) {
        long left = quota - files.used(ownerId);
        if (left <= 0 || declaredLength > left && left < maxBytes) throw refused(Refusals.overQuota(quota));
        if (declaredLength > maxBytes) throw refused(Refusals.overLimit(maxBytes));
        return Math.min(left, maxBytes);
    }

    /** Receives {@code bytes} as the owner's new file named {@code name} (already cleaned), stores it, and answers its view. */
    public FileView receive(long ownerId, String name, InputStream bytes, long room) {
        if (!inProgress.tryAcquire()) {
            metrics.refused();
            throw new Unavailable("Too many uploads at once on this server; try again shortly");
        }
        List<Path> temporary = new ArrayList<>();
        try {
            Path received = temporaryFile(temporary);
            long size = copy(bytes, received, room);
            if (size == 0) throw refused(new InvalidPayload("The file is empty"));
            String type = pictures.contentTypeOf(received, name);
            Path stored = received;
            PictureSize pixels = null;
            Thumbnail thumbnail = null;
            if (Pictures.isPicture(type)) {
                try {
                    pixels = pictures.sizeOf(received, type);
                } catch (ParleyException refusedPicture) {
                    throw refused(refusedPicture);
                }
                stored = temporaryFile(temporary);
                pictures.withoutLocation(received, type, stored);
                size = Files.size(stored);
                thumbnail = pictures.thumbnailOf(stored, type);
            }
            Upload upload = new Upload(ownerId, name, type, key(), size, sha256(stored),
                    pixels == null ? null : pixels.width(), pixels == null ? null : pixels.height(),
                    thumbnail == null ? null : key(), thumbnail == null ? null : thumbnail.contentType(),
                    thumbnail == null ? null : (long) thumbnail.bytes().length);
            StoredFile file = store(upload, stored, thumbnail);
            metrics.uploaded();
            return views.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (Path file : temporary) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warning(() -> "Could not delete the temporary upload " + file.getFileName());
                }
            }
            inProgress.release();
        }
    }

    private StoredFile store(Upload upload, Path stored, Thumbnail thumbnail) throws IOException {
        try (InputStream bytes = Files.newInputStream(stored)) {
            return files.add(upload, bytes, thumbnail == null ? null : new ByteArrayInputStream(thumbnail.bytes()), quota);
        } catch (TooLarge overQuota) {
            metrics.refused();
            throw overQuota;
        } catch (IOException | RuntimeException failed) {
            if (!stores.transactional()) files.forget(List.of(upload.key(), upload.thumbnailKey() == null ? "" : upload.thumbnailKey()).stream()
                    .filter(k -> !k.isEmpty()).toList()); // an object store's bytes of an upload whose row was never made
            throw failed;
        }
    }

    /** Copies up to {@code room} bytes; one more is {@code too_large}, refused as soon as it arrives. */
    private long copy(InputStream in, Path to, long room) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(to)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > room) {
                    throw refused(room < maxBytes ? Refusals.overQuota(quota) : Refusals.overLimit(maxBytes));
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private Path temporaryFile(List<Path> made) throws IOException {
        FileAttribute<?>[] ownerOnly = folder.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DataFolder.OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        Path file = Files.createTempFile(folder, "upload-", ".part", ownerOnly);
        made.add(file);
        return file;
    }

    private <E extends ParleyException> E refused(E refusal) {
        metrics.refused();
        return refusal;
    }

    /** A store key: random, so never reused, and telling nothing of the file. */
    private static String key() {
        return "files/" + UUID.randomUUID();
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
