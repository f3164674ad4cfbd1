package dev.parley.accounts.control;

/**
 * A user's display name changed, fired inside the renaming transaction: who is online shows the
 * new name once it commits.
 */
public record AccountRenamed(long userId, String username, String displayName) {
}
