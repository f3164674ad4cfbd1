package dev.parley.messages.boundary;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a REST post: {@code {text, clientMsgId?, replyTo?}}. */
@Schema(description = "A message to send")
public record NewMessage(
        @Schema(description = "1 to 4000 characters after trimming (configurable); longer is too_large", example = "hello")
        String text,
        @Schema(description = "At most 64 characters. Sending the same one again returns the first message; nothing is stored or sent twice",
                example = "c-5f2e") String clientMsgId,
        @Schema(type = SchemaType.INTEGER, format = "int64", nullable = true,
                description = "The id of a message in the same room or conversation that this one answers", example = "1041")
        Long replyTo) {
}
