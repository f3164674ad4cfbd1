package dev.parley.messages.entity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of history: {@code hasMore} says whether another page lies further in the same direction. */
@Schema(name = "MessagePage", description = "A page of history: newest first when paging with before, oldest first with after")
public record Page(List<MessageView> messages,
                   @Schema(description = "Whether another page lies further in the same direction") boolean hasMore) {
}
