package dev.parley.accounts.boundary;

/** The bodies of register, login and guest login; which fields each needs is checked by the control. */
public record Credentials(String username, String password, String displayName) {
}
