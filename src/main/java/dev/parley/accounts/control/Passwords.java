package dev.parley.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 at OWASP's current 600,000 iterations (the JDK's own implementation; Soteria's
 * {@code Pbkdf2PasswordHash} defaults to 2,048). Stored as {@code pbkdf2-sha256$iterations$salt$hash},
 * so the cost can rise later without breaking old hashes.
 */
@ApplicationScoped
public class Passwords {
    static final int ITERATIONS = 600_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Compared against when the user does not exist, so that an unknown name costs the same time.
     * Made on first use, not per instance: Payara's Weld runs the constructor for each client proxy
     * too, which made some logins pay a 600,000-iteration hash.
     */
    private static final class Decoy {
        static final String HASH = new Passwords().hash("decoy-password-never-matches");
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, ITERATIONS);
        var b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Constant-time comparison; a null stored hash (a guest, or no such user) never matches. */
    public boolean matches(String password, String stored) {
        String[] parts = (stored != null ? stored : Decoy.HASH).split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) return false;
        var b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        byte[] actual = derive(password, b64.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual) && stored != null;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        var spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
