package dev.parley.accounts.control;

import dev.parley.errors.InvalidPayload;
import java.text.Normalizer;
import java.util.regex.Pattern;

/** What a username and a new password must be, for a registration and for the startup admin alike. */
final class AccountRules {
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");

    private AccountRules() {
    }

    static void requireUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidPayload("username must be 3 to 32 characters of A-Z a-z 0-9 _ . -");
        }
    }

    /**
     * A valid username from one an identity provider suggests: an e-mail's local part, accents
     * dropped, other characters as {@code _}, at most 32, at least 3 (else {@code user}).
     */
    static String usernameFrom(String suggested) {
        String name = suggested == null ? "" : suggested.strip();
        int at = name.indexOf('@');
        if (at > 0) name = name.substring(0, at);
        name = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9_.-]+", "_");
        if (name.length() > 32) name = name.substring(0, 32);
        return name.length() < 3 ? "user" : name;
    }

    /** {@code base} for the first, {@code base2}, {@code base3}... after, cut so that it stays at most 32. */
    static String numbered(String base, int n) {
        if (n == 1) return base;
        String suffix = Integer.toString(n);
        return base.substring(0, Math.min(base.length(), 32 - suffix.length())) + suffix;
    }

    static void requirePassword(String password, String field) {
        if (password == null || password.length() < 8 || password.length() > 128) {
            throw new InvalidPayload(field + " must be 8 to 128 characters");
        }
    }
}
