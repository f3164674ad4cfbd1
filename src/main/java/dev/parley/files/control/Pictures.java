package dev.parley.files.control;

import dev.parley.files.entity.PictureSize;
import dev.parley.files.entity.Thumbnail;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.Unavailable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;

/**
 * What an uploaded file is, and what is done to pictures before they are stored and shown: their
 * location removed, their size read from the header (huge ones refused undecoded), thumbnails made.
 */
@ApplicationScoped
public class Pictures {
    static final long MAX_PIXELS = 50_000_000L;
    private static final long THUMBNAIL_TIMEOUT_SECONDS = 60;
    /** Pictures waiting for a thumbnail thread; past this an upload is refused (503) rather than queued without end. */
    private static final int THUMBNAIL_QUEUE = 64;
    private static final Set<String> PICTURES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /**
     * Tika's detector: magic bytes first, the name only to refine what the bytes leave open (text/plain
     * named .csv). Its detectors are looked up in Parley's own class loader, so that both servers see the same.
     */
    private static final Detector DETECTOR = new DefaultDetector(MimeTypes.getDefaultMimeTypes(), Pictures.class.getClassLoader());

    /**
     * Threads for thumbnails: decoding is CPU-bound, so at most half the cores (at least one) decode at
     * once, whatever the number of uploads; a plain pool on managed threads, as in Connections.
     */
    @Resource
    ManagedThreadFactory threads;

    private ThreadPoolExecutor pool;

    @PostConstruct
    void start() {
        start(threads);
    }

    void start(ThreadFactory factory) {
        int size = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(THUMBNAIL_QUEUE), factory);
        pool.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** What the file's bytes are (Apache Tika core, from the content; the name only as a hint where bytes cannot tell), e.g. image/png, application/pdf, application/octet-stream. */
    public String contentTypeOf(Path file, String name) throws IOException {
        Metadata hint = new Metadata();
        if (name != null) hint.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return DETECTOR.detect(in, hint, new ParseContext()).getBaseType().toString();
        }
    }

    /** Pictures shown inline: image/png, image/jpeg, image/gif, image/webp. */
    public static boolean isPicture(String contentType) {
        return contentType != null && PICTURES.contains(contentType);
    }

    /** From the header only, never decoding pixels; dev.parley.errors.InvalidPayload when it claims more than 50,000,000 pixels or is not a readable picture. */
    public PictureSize sizeOf(Path file, String contentType) throws IOException {
        int width;
        int height;
        try (PictureReaders.Opened picture = PictureReaders.open(file, contentType)) {
            width = picture.reader.getWidth(0);
            height = picture.reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw PictureReaders.unreadable(e);
        }
        if (width <= 0 || height <= 0) throw new InvalidPayload("Not a readable picture");
        if ((long) width * height > MAX_PIXELS || contentType.equals("image/gif") && gifScreenPixels(file) > MAX_PIXELS) {
            throw new InvalidPayload("A picture may have at most 50,000,000 pixels");
        }
        return Orientation.swapsSides(orientationOf(file, contentType)) ? new PictureSize(height, width) : new PictureSize(width, height);
    }

    /** Writes the picture to target in the same format without location data (EXIF GPS, XMP location), whatever the format (JPEG, PNG, WebP, GIF); keeps it a valid picture of the same pixel size. */
    public void withoutLocation(Path file, String contentType, Path target) throws IOException {
        switch (contentType) {
            case "image/jpeg" -> JpegLocation.remove(file, target);
            case "image/png" -> PngLocation.remove(file, target);
            case "image/webp" -> WebpLocation.remove(file, target);
            case "image/gif" -> GifLocation.remove(file, target);
            default -> throw new InvalidPayload("Not a picture");
        }
    }

    /** A thumbnail at most 400 px on its longer side, the shape kept, never enlarged, an animation's first frame; JPEG (or PNG where transparency matters); made in a bounded pool (a burst of uploads cannot take every CPU), waited for. */
    public Thumbnail thumbnailOf(Path file, String contentType) throws IOException {
        sizeOf(file, contentType);
        Future<Thumbnail> made;
        try {
            made = pool.submit(() -> Thumbnails.of(file, contentType, orientationOf(file, contentType)));
        } catch (RejectedExecutionException e) {
            throw new Unavailable("Too many pictures are being processed; try again shortly");
        }
        try {
            return made.get(THUMBNAIL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            made.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while making a thumbnail");
        } catch (TimeoutException e) {
            made.cancel(true);
            throw new Unavailable("Making the thumbnail took too long");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw new IOException("Cannot make a thumbnail", e.getCause());
        }
    }

    private static int orientationOf(Path file, String contentType) throws IOException {
        return switch (contentType) {
            case "image/jpeg" -> JpegLocation.orientationOf(file);
            case "image/png" -> PngLocation.orientationOf(file);
            case "image/webp" -> WebpLocation.orientationOf(file);
            default -> Orientation.UPRIGHT;
        };
    }

    /** A GIF's frames are drawn on a logical screen whose size its header gives apart from the first frame's. */
    private static long gifScreenPixels(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(10);
            if (header.length < 10) throw new InvalidPayload("Not a readable picture");
            long width = (header[6] & 0xFF) | (header[7] & 0xFF) << 8;
            long height = (header[8] & 0xFF) | (header[9] & 0xFF) << 8;
            return width * height;
        }
    }
}
