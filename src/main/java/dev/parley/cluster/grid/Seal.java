package dev.parley.cluster.grid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the relay carries, sealed with the cluster's secret so that a member without it can neither read
 * nor forge it: AES-256-GCM under a key derived from the secret (HKDF-SHA256), a random 96-bit nonce a
 * message, and the format's version and the stream the bytes travel on bound as associated data (an
 * acknowledgement cannot pass for an event). Hazelcast's open-source edition neither encrypts nor
 * authenticates its members (docs/operations.md, "Several nodes").
 *
 * <p>Sealed: version (1 byte), nonce (12), ciphertext, tag (16).
 */
final class Seal {
    static final byte VERSION = 1;
    /** Streams, bound into each message: it opens only on the one it was sealed for. */
    static final byte EVENTS = 1;
    static final byte ACKS = 2;
    private static final int NONCE = 12;
    private static final int TAG = 16;
    private static final int OVERHEAD = 1 + NONCE + TAG;
    private static final byte[] SALT = "parley-cluster-secret".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO = "parley relay AES-256-GCM v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom NONCES = new SecureRandom();
    /** A Cipher is not thread-safe; init per message is cheap, getInstance is not. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM has no AES/GCM", e);
        }
    });

    private final SecretKeySpec key;

    Seal(String secret) {
        this.key = new SecretKeySpec(derive(secret.getBytes(StandardCharsets.UTF_8)), "AES");
    }

    /** {@code plain} sealed for {@code stream}. */
    byte[] seal(byte stream, byte[] plain) {
        byte[] out = new byte[OVERHEAD + plain.length];
        out[0] = VERSION;
        byte[] nonce = new byte[NONCE];
        NONCES.nextBytes(nonce);
        System.arraycopy(nonce, 0, out, 1, NONCE);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce));
            cipher.updateAAD(new byte[] {VERSION, stream});
            cipher.doFinal(plain, 0, plain.length, out, 1 + NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a relayed event", e);
        }
        return out;
    }

    /**
     * What {@code sealed} says, if it was sealed for {@code stream} with this secret and not changed since;
     * otherwise {@link AEADBadTagException} (another secret, none, a changed byte, another stream or version).
     */
    byte[] open(byte stream, byte[] sealed) throws AEADBadTagException {
        if (sealed.length < OVERHEAD || sealed[0] != VERSION) throw new AEADBadTagException("not a sealed relay message of version " + VERSION);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, sealed, 1, NONCE));
            cipher.updateAAD(new byte[] {VERSION, stream});
            return cipher.doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open a relayed event", e);
        }
    }

    /** HKDF-SHA256 (RFC 5869), one block: the secret's 256-bit AES key. */
    private static byte[] derive(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SALT, "HmacSHA256"));
            byte[] prk = mac.doFinal(secret);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(INFO);
            mac.update((byte) 1);
            byte[] okm = mac.doFinal();
            Arrays.fill(prk, (byte) 0);
            return okm;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM has no HmacSHA256", e);
        }
    }
}
