package dev.parley.presence.entity;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Someone online: the contract's {@code {username, displayName, since}}, and {@code bot} for a bot account. */
@Schema(description = "A user with a connected socket (or within the grace period after their last one)")
public record OnlineUser(@Schema(example = "alice") String username, @Schema(example = "Alice") String displayName,
                         @Schema(description = "true for a bot account") boolean bot, Instant since) {
}
