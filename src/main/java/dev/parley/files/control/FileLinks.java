package dev.parley.files.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed links to a file's bytes or its thumbnail: {@code /api/files/{id}?exp=..&sig=..}, where {@code sig}
 * is HMAC-SHA256 over what the link opens (the file or its thumbnail, by id) and until when. Changing any
 * of those, or the link running out, makes it fail; nothing about the reader is in it (a view is made once
 * and handed to every reader of a message).
 */
public final class FileLinks {
    public enum Target {
        FILE(""), THUMBNAIL("/thumbnail");

        private final String path;

        Target(String path) {
            this.path = path;
        }
    }

    private final SecretKeySpec key;
    private final Duration ttl;

    public FileLinks(byte[] key, Duration ttl) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.ttl = ttl;
    }

    /**
     * A link valid from {@code now} for the time to live, its end rounded down to a step of at most a
     * minute (a 60th of the time to live), so that links handed out within a step are the same URL and a
     * browser's cache serves them.
     */
    public String link(long fileId, Target target, Instant now) {
        long step = Math.max(1, Math.min(60, ttl.toSeconds() / 60));
        long expires = now.plus(ttl).getEpochSecond() / step * step;
        if (expires <= now.getEpochSecond()) expires = now.getEpochSecond() + 1;
        return "/api/files/" + fileId + target.path + "?exp=" + expires + "&sig=" + signature(fileId, target, expires);
    }

    /** Whether {@code exp} and {@code sig} came from {@link #link} for this file and target and have not run out. */
    public boolean valid(long fileId, Target target, String exp, String sig, Instant now) {
        if (exp == null || sig == null || exp.length() > 19 || !exp.chars().allMatch(c -> c >= '0' && c <= '9') || exp.isEmpty()) return false;
        long expires;
        try {
            expires = Long.parseLong(exp);
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] expected = signature(fileId, target, expires).getBytes(StandardCharsets.US_ASCII);
        boolean same = MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII)); // constant time
        return same && now.getEpochSecond() < expires;
    }

    private String signature(long fileId, Target target, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] sig = mac.doFinal((target.name() + ":" + fileId + ":" + expires).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** The link key derived from a secret every node shares (see {@link FileViews}): HMAC-SHA256(secret, label). */
    public static byte[] derive(byte[] sharedSecret, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sharedSecret, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
