package dev.parley.files.control;

import dev.parley.files.entity.PictureSize;
import dev.parley.files.entity.Thumbnail;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
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
    private static final Set<String> PICTURES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /**
     * Tika's detector: magic bytes first, the name only to refine what the bytes leave open (text/plain
     * named .csv). Its detectors are looked up in Parley's own class loader, so that both servers see the same.
     */
    private static final Detector DETECTOR = new DefaultDetector(MimeTypes.getDefaultMimeTypes(), Pictures.class.getClassLoader());

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
        throw new UnsupportedOperationException("not yet");
    }

    /** Writes the picture to target in the same format without location data (EXIF GPS, XMP location), whatever the format (JPEG, PNG, WebP, GIF); keeps it a valid picture of the same pixel size. */
    public void withoutLocation(Path file, String contentType, Path target) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /** A thumbnail at most 400 px on its longer side, the shape kept, never enlarged, an animation's first frame; JPEG (or PNG where transparency matters); made in a bounded pool (a burst of uploads cannot take every CPU), waited for. */
    public Thumbnail thumbnailOf(Path file, String contentType) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
