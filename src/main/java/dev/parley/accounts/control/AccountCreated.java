package dev.parley.accounts.control;

/**
 * An account was created (registered, a guest or a bot), fired inside the creating transaction: the rooms
 * component puts the user in {@code feed} in it, so that the account and its membership commit
 * together or not at all. An event, so that {@code accounts} does not import {@code rooms}.
 */
public record AccountCreated(long userId) {
}
