package dev.parley.sessions.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A personal access token's SHA-256, the only form it is stored in. */
final class TokenHash {
    private TokenHash() {
    }

    static String of(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a token presented is the one whose hash is stored; constant time. */
    static boolean matches(String presented, String storedHash) {
        return presented != null && storedHash != null
                && MessageDigest.isEqual(of(presented).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
