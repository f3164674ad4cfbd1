package dev.parley.accounts.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The bodies of register (an {@code accounts} endpoint), login and guest login ({@code sessions}
 * endpoints); which fields each needs is checked by the control.
 */
@Schema(description = "register: username, password and an optional displayName; login: username and password; guest: username")
public record Credentials(
        @Schema(description = "3 to 32 characters of A-Z a-z 0-9 _ . -", example = "alice") String username,
        @Schema(description = "8 to 128 characters", example = "correct horse") String password,
        @Schema(description = "register only; at most 64 characters, the username when absent", example = "Alice") String displayName) {
}
