package dev.parley.signon.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The exchange's body: the one-time code from the callback's URL fragment. */
@Schema(description = "The one-time code the callback put in the URL fragment (#code=...)")
public record HandoverBody(@Schema(example = "q2Xl3...") String code) {
}
