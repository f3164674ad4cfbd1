package dev.parley.accounts.control;

/**
 * An account is being deleted, fired inside the deleting transaction: the sessions component ends
 * every session of the user in it (reason {@code account_deleted}) and the rooms component removes
 * the user from every room, so that the deletion, the endings and the memberships commit together or
 * not at all.
 */
public record AccountDeleted(long userId) {
}
