package dev.parley.accounts.control;

/**
 * An account is being deleted, fired inside the deleting transaction: the sessions component ends
 * every session of the user in it (reason {@code account_deleted}), so that the deletion and the
 * endings commit together or not at all.
 */
public record AccountDeleted(long userId) {
}
