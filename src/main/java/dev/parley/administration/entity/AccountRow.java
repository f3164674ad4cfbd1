package dev.parley.administration.entity;

import dev.parley.accounts.entity.UserView;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One account as a server admin sees it in the listing. */
@Schema(name = "AdminAccount", description = "An account in the server admin's listing")
public record AccountRow(UserView user,
                         @Schema(description = "Whether an admin disabled the account (it cannot log in)") boolean disabled,
                         @Schema(nullable = true, description = "The latest use of any of its sessions or tokens; null if never") Instant lastSeenAt,
                         @Schema(type = SchemaType.INTEGER, format = "int64", description = "How many live sessions (logins and tokens) it has", example = "2")
                         long sessions) {
}
