package dev.parley.accounts.control;

/**
 * A user's password has changed and their other sessions are to end (reason {@code password_changed}),
 * fired inside the changing transaction; {@code keepSessionId} is the session that changed it.
 */
public record PasswordChanged(long userId, String keepSessionId) {
}
