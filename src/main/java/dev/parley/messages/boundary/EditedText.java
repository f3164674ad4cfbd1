package dev.parley.messages.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of an edit: {@code {text}}. */
@Schema(description = "A message's new text")
public record EditedText(@Schema(description = "1 to 4000 characters after trimming (configurable); longer is too_large",
        example = "hello, fixed") String text) {
}
