package dev.parley.accounts.control;

/**
 * A server admin disabled the account; fired in its transaction, so that its sessions end with it
 * ({@code sessions} observes it: this component does not import that one).
 */
public record AccountDisabled(long userId) {
}
