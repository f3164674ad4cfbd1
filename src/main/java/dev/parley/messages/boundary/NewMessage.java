package dev.parley.messages.boundary;

import dev.parley.messages.control.write.Posted;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a REST post: {@code {text, clientMsgId?, replyTo?, files?}}. */
@Schema(description = "A message to send")
public record NewMessage(
        @Schema(description = "1 to 4000 characters after trimming (configurable); longer is too_large. With files it may be empty or absent",
                example = "hello")
        String text,
        @Schema(description = "At most 64 characters. Sending the same one again returns the first message; nothing is stored or sent twice",
                example = "c-5f2e") String clientMsgId,
        @Schema(type = SchemaType.INTEGER, format = "int64", nullable = true,
                description = "The id of a message in the same room or conversation that this one answers", example = "1041")
        Long replyTo,
        @Schema(description = "At most 10 ids of files the sender uploaded (POST /api/files) and has not attached elsewhere, each once,"
                + " kept in this order; anything else is invalid_payload", example = "[77, 78]")
        List<Long> files) {

    /** The request body's example on both post endpoints. */
    static final String EXAMPLE = "{\"text\": \"hello\", \"clientMsgId\": \"c-5f2e\", \"replyTo\": 1041}";

    /**
     * The one REST post path, to a room or to a conversation: {@code post}'s message, answered 201
     * {@code {message}}. No body is no text, refused by the control code once it knows who may post.
     */
    static Response post(NewMessage body, Function<NewMessage, Posted> post) {
        Posted posted = post.apply(body != null ? body : new NewMessage(null, null, null, null));
        return Response.status(201).entity(Map.of("message", posted.message())).build();
    }
}
