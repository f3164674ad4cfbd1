package dev.parley.messages.boundary;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a REST read call: {@code {upTo}}. */
@Schema(description = "Where the caller's read marker moves to")
public record ReadUpTo(
        @Schema(type = SchemaType.INTEGER, format = "int64", description = "A message id; markers only move forward", example = "1042")
        Long upTo) {

    /** The request body's example on both read endpoints. */
    static final String EXAMPLE = "{\"upTo\": 1042}";
}
