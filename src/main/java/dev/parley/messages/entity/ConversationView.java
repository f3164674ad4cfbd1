package dev.parley.messages.entity;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One of the caller's direct conversations: with whom, its last message, and the caller's unread count. */
@Schema(name = "Conversation", description = "One of the caller's direct conversations")
public record ConversationView(@Schema(description = "The other user's username", example = "bob") String with,
                               MessageView lastMessage,
                               @Schema(type = SchemaType.INTEGER, format = "int64", example = "2") long unread) {
}
