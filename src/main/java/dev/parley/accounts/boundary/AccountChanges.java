package dev.parley.accounts.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the account endpoints under {@code /api/users/me}. */
public final class AccountChanges {
    private AccountChanges() {
    }

    @Schema(name = "DisplayNameChange", description = "A new display name")
    public record DisplayName(
            @Schema(description = "At most 64 characters, surrounding whitespace stripped; no control or format characters "
                    + "(bidi overrides, zero-width characters, line breaks). Blank: the username.", example = "Alice Liddell")
            String displayName) {
    }

    @Schema(name = "PasswordChange", description = "The current password and the new one")
    public record Password(
            @Schema(example = "correct horse") String currentPassword,
            @Schema(description = "8 to 128 characters", example = "battery staple") String newPassword,
            @Schema(description = "false keeps the caller's other sessions; otherwise they end with reason `password_changed`",
                    defaultValue = "true") Boolean endOtherSessions) {
    }

    @Schema(name = "AccountDeletion", description = "The password, for a registered user; a guest sends `{}`")
    public record Deletion(@Schema(example = "correct horse") String password) {
    }
}
