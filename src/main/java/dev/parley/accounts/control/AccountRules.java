package dev.parley.accounts.control;

import dev.parley.errors.InvalidPayload;
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

    static void requirePassword(String password, String field) {
        if (password == null || password.length() < 8 || password.length() > 128) {
            throw new InvalidPayload(field + " must be 8 to 128 characters");
        }
    }
}
