package dev.parley.sessions.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.parley.database.DataFolder;
import dev.parley.database.Database;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RS256 key tokens are signed with, and the public keys they are verified with.
 *
 * <p>By default the key is made on first start and kept in the database, so that it survives restarts
 * and every node on the same database signs and verifies alike. A deployment that manages keys itself
 * names a PEM file instead ({@code PARLEY_JWT_KEY_FILE}); the database key is then not used. To rotate,
 * the new key goes in the key file and the old one's file into {@code PARLEY_JWT_PREVIOUS_KEY_FILES}:
 * the new key signs, the old still verifies until its tokens have expired. Each key's {@code kid} is
 * its RFC 7638 thumbprint (the database key's is {@code primary}, as it always was).
 *
 * <p>The public keys are written as a JWKS where MP-JWT reads them ({@code mp.jwt.verify.publickey.location})
 * before the first request; a custom ConfigSource for them hit MP-JWT's key caches and rejected fresh tokens.
 */
@ApplicationScoped
public class SigningKey {
    private static final Logger LOG = Logger.getLogger(SigningKey.class.getName());
    private static final String DATABASE_KEY_ID = "primary";

    @Inject
    Database database;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String publicKeyLocation;

    @Inject
    @ConfigProperty(name = "parley.jwt.key-file")
    Optional<String> keyFile;

    @Inject
    @ConfigProperty(name = "parley.jwt.previous-key-files")
    Optional<String> previousKeyFiles;

    private RSAPrivateKey privateKey;
    private String keyId;
    /** Every key a token may be signed with, by kid: the current one first. */
    private final Map<String, RSAPublicKey> verifying = new LinkedHashMap<>();

    /** Created at deployment, once the schema is there, so that the JWKS file exists before the first request. */
    void eager(@Observes @Priority(Database.MIGRATED) Startup started) {
    }

    @PostConstruct
    void load() {
        try {
            RSAPublicKey publicKey;
            if (keyFile.isPresent()) {
                warnIfOthersCanRead(Path.of(keyFile.get()));
                privateKey = Pem.privateKey(Path.of(keyFile.get()));
                publicKey = Pem.publicKeyOf(privateKey);
                keyId = thumbprint(publicKey);
                LOG.info(() -> "Signing tokens with the key in " + keyFile.get() + " (kid " + keyId + ")");
            } else {
                KeyPair pair = fromDatabase();
                privateKey = (RSAPrivateKey) pair.getPrivate();
                publicKey = (RSAPublicKey) pair.getPublic();
                keyId = DATABASE_KEY_ID;
            }
            verifying.put(keyId, publicKey);
            for (String file : previousKeyFiles.map(f -> Arrays.asList(f.split(","))).orElse(List.of())) {
                if (file.isBlank()) continue;
                RSAPublicKey previous = Pem.publicKey(Path.of(file.strip()));
                verifying.putIfAbsent(thumbprint(previous), previous);
            }
        } catch (SQLException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot load the token signing key: " + e.getMessage(), e);
        }
        writePublicKeys();
    }

    public RSAPrivateKey privateKey() { return privateKey; }
    public String keyId() { return keyId; }

    /** The public key a token with this {@code kid} verifies with, if it is one of ours; no kid: the current key. */
    public RSAPublicKey publicKey(String kid) {
        return kid == null ? verifying.get(keyId) : verifying.get(kid);
    }

    private static void warnIfOthersCanRead(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        if (!mode.endsWith("------")) {
            LOG.warning(() -> "The token signing key " + file + " can be read by other users (" + mode + "): chmod 600 it");
        }
    }

    private KeyPair fromDatabase() throws SQLException, GeneralSecurityException {
        try (Connection c = database.dataSource().getConnection()) {
            KeyPair pair = read(c);
            if (pair == null) {
                insert(c, generate());
                pair = read(c); // another node may have won the race: use whatever is stored
                LOG.info("Made a new token signing key");
            }
            return pair;
        }
    }

    private static String thumbprint(RSAPublicKey key) {
        try {
            return new RSAKey.Builder(key).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair read(Connection c) throws SQLException, GeneralSecurityException {
        try (PreparedStatement s = c.prepareStatement("SELECT private_key, public_key FROM signing_keys WHERE id = ?")) {
            s.setString(1, DATABASE_KEY_ID);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) return null;
                var decoder = Base64.getDecoder();
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                return new KeyPair(
                        rsa.generatePublic(new X509EncodedKeySpec(decoder.decode(r.getString(2)))),
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(decoder.decode(r.getString(1)))));
            }
        }
    }

    private static void insert(Connection c, KeyPair pair) {
        var encoder = Base64.getEncoder();
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO signing_keys (id, private_key, public_key, created_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, DATABASE_KEY_ID);
            s.setString(2, encoder.encodeToString(pair.getPrivate().getEncoded()));
            s.setString(3, encoder.encodeToString(pair.getPublic().getEncoded()));
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
        } catch (SQLException lostTheRace) {
            LOG.info("Another node stored a signing key first; using that one");
        }
    }

    private static KeyPair generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** A JWKS with every verifying key, written 0600 into a 0700 folder and moved into place whole. */
    private void writePublicKeys() {
        List<com.nimbusds.jose.jwk.JWK> keys = new ArrayList<>();
        verifying.forEach((kid, key) -> keys.add(new RSAKey.Builder(key).keyID(kid).keyUse(KeyUse.SIGNATURE)
                .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).build()));
        String jwks = new JWKSet(keys).toString(true);
        Path file = Path.of(publicKeyLocation.replaceFirst("^file:", "")).toAbsolutePath();
        try {
            DataFolder.secure(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "jwt", ".tmp",
                    PosixFilePermissions.asFileAttribute(DataFolder.OWNER_ONLY_FILE));
            Files.writeString(temporary, jwks);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the public keys to " + file, e);
        }
    }

    /** PEM files: PKCS#8 private keys ({@code BEGIN PRIVATE KEY}) and X.509 public keys ({@code BEGIN PUBLIC KEY}). */
    static final class Pem {
        private Pem() {
        }

        static RSAPrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
            String pem = Files.readString(file);
            if (pem.contains("BEGIN RSA PRIVATE KEY")) {
                throw new GeneralSecurityException(file + " is a PKCS#1 key; convert it with "
                        + "'openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem'");
            }
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(body(pem, "PRIVATE KEY", file)));
        }

        /** A public key file, or the public half of a private key file. */
        static RSAPublicKey publicKey(Path file) throws IOException, GeneralSecurityException {
            String pem = Files.readString(file);
            if (pem.contains("BEGIN PUBLIC KEY")) {
                return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(body(pem, "PUBLIC KEY", file)));
            }
            return publicKeyOf(privateKey(file));
        }

        static RSAPublicKey publicKeyOf(RSAPrivateKey key) throws GeneralSecurityException {
            if (!(key instanceof RSAPrivateCrtKey crt)) throw new GeneralSecurityException("The RSA key has no public exponent");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        }

        private static byte[] body(String pem, String label, Path file) throws GeneralSecurityException {
            int begin = pem.indexOf("-----BEGIN " + label + "-----");
            int end = pem.indexOf("-----END " + label + "-----");
            if (begin < 0 || end < begin) throw new GeneralSecurityException(file + " holds no PEM " + label);
            String base64 = pem.substring(begin + label.length() + 16, end).replaceAll("\\s", "");
            return Base64.getDecoder().decode(base64);
        }
    }
}
