package dev.parley.sessions.control;

import dev.parley.platform.Database;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RS256 key tokens are signed with: made on first start and kept in the database, so that it
 * survives restarts and every node on the same database signs and verifies alike. Its public half
 * is written where MP-JWT reads it ({@code mp.jwt.verify.publickey.location}) before the first
 * request; a custom ConfigSource for it hit MP-JWT's key caches and rejected fresh tokens.
 */
@Singleton
@Startup
@DependsOn("Database")
@TransactionManagement(TransactionManagementType.BEAN)
public class SigningKey {
    private static final Logger LOG = Logger.getLogger(SigningKey.class.getName());
    private static final String KEY_ID = "primary";

    @Inject
    Database database;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String publicKeyLocation;

    private RSAPrivateKey privateKey;
    private RSAPublicKey publicKey;

    @PostConstruct
    void load() {
        try (Connection c = database.dataSource().getConnection()) {
            KeyPair pair = read(c);
            if (pair == null) {
                insert(c, generate());
                pair = read(c); // another node may have won the race: use whatever is stored
                LOG.info("Made a new token signing key");
            }
            privateKey = (RSAPrivateKey) pair.getPrivate();
            publicKey = (RSAPublicKey) pair.getPublic();
        } catch (SQLException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the token signing key", e);
        }
        writePublicKey();
    }

    public RSAPrivateKey privateKey() { return privateKey; }
    public RSAPublicKey publicKey() { return publicKey; }
    public String keyId() { return KEY_ID; }

    private static KeyPair read(Connection c) throws SQLException, GeneralSecurityException {
        try (PreparedStatement s = c.prepareStatement("SELECT private_key, public_key FROM signing_keys WHERE id = ?")) {
            s.setString(1, KEY_ID);
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
            s.setString(1, KEY_ID);
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

    private void writePublicKey() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Path file = Path.of(publicKeyLocation.replaceFirst("^file:", ""));
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "jwt", ".pem");
            Files.writeString(temporary, pem);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the public key to " + file, e);
        }
    }
}
