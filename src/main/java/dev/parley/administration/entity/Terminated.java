package dev.parley.administration.entity;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many sessions and tokens an admin ended. */
@Schema(name = "Terminated", description = "How many sessions and tokens were ended")
public record Terminated(@Schema(type = SchemaType.INTEGER, format = "int32", example = "3") int terminated) {
}
