package dev.parley.files.entity;

import java.io.Serializable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The contract's {@code file} object. Its links are signed when the view is made and work without an
 * {@code Authorization} header until they expire; a view travels inside messages (and between nodes), so
 * it is made once per handing out, never per recipient.
 */
@Schema(name = "File", description = "An uploaded file, as messages carry it")
public record FileView(
        @Schema(type = SchemaType.INTEGER, format = "int64", example = "77") long id,
        @Schema(description = "The name it was uploaded with, path separators and control characters removed", example = "screenshot.png") String name,
        @Schema(type = SchemaType.INTEGER, format = "int64", description = "Bytes stored (after location data was removed from a picture)", example = "48213") long size,
        @Schema(description = "What the bytes are, detected by the server", example = "image/png") String contentType,
        Instant createdAt,
        @Schema(nullable = true, description = "A picture's pixel size; null for other files") Image image,
        @Schema(description = "A signed link to the bytes, usable without Authorization until it expires", example = "/api/files/77?exp=1796000000&sig=...") String url,
        @Schema(nullable = true, description = "A signed link to the thumbnail, pictures only") String thumbnailUrl)
        implements Serializable {

    @Schema(name = "Image", description = "A picture's stored pixel size")
    public record Image(@Schema(example = "1280") int width, @Schema(example = "720") int height) implements Serializable {
    }
}
