package dev.parley.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.OwnServer;
import dev.parley.support.Sock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The signing key and the data folder, on a server with nothing set but a key file: the embedded H2
 * default, as someone running Parley would have it. Its folder and files are its user's alone; a PEM
 * key file signs the tokens; after a rotation the previous key's tokens still work. The rotation
 * restarts the server, so it comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SigningKeysIT {
    private static final Path KEYS = Path.of(System.getProperty("parley.it.target", "target")).resolve("keys-it");
    private static KeyPair first;
    private static Path firstFile;
    private static OwnServer server;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(KEYS);
        first = rsa();
        firstFile = writePrivateKey(first, "first.pem");
        server = OwnServer.named("keys", 2).embedded().with("parley.jwt.key-file", firstFile.toString()).start();
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void theDataFolderAndEveryFileInItAreTheUsersAlone() throws IOException {
        api.guest("files"); // the database has written something
        Path data = server.dataDir();

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        List<Path> files;
        try (Stream<Path> listed = Files.list(data)) {
            files = listed.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("parley.mv.db")), "embedded H2: " + files);
        for (Path file : files) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
    }

    @Test
    @Order(2)
    void theKeyFileSignsTheTokens() throws Exception {
        Login me = api.guest("signed");

        assertTrue(signedBy(me.token(), first.getPublic()));
        assertFalse(signedBy(me.token(), rsa().getPublic()));
    }

    @Test
    @Order(3)
    void afterARotationTokensOfThePreviousKeyStillWork() throws Exception {
        Login before = api.guest("rotated");
        KeyPair second = rsa();
        Path secondFile = writePrivateKey(second, "second.pem");
        Path firstPublic = writePublicKey(first, "first-public.pem");

        server.close();
        server.with("parley.jwt.key-file", secondFile.toString())
                .with("parley.jwt.previous-key-files", firstPublic.toString())
                .restart();

        assertEquals(200, api.get("/api/users/me", before.token()).status(), "REST");
        try (Sock sock = Sock.connectTo(server.url(), before.token())) {
            assertEquals(before.username(), sock.awaitReady().getJSONObject("user").getString("username"), "socket");
        }
        Login after = api.guest("fresh");
        assertTrue(signedBy(after.token(), second.getPublic()), "the new key signs");
        assertFalse(signedBy(after.token(), first.getPublic()));
        assertEquals(200, api.get("/api/users/me", after.token()).status());
    }

    private static boolean signedBy(String token, PublicKey key) throws Exception {
        String[] parts = token.split("\\.");
        JsonObject header = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))).readObject();
        assertEquals("RS256", header.getString("alg"));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static Path writePrivateKey(KeyPair pair, String name) throws IOException {
        return write(name, "PRIVATE KEY", pair.getPrivate().getEncoded()); // PKCS#8, as openssl genpkey writes
    }

    private static Path writePublicKey(KeyPair pair, String name) throws IOException {
        return write(name, "PUBLIC KEY", pair.getPublic().getEncoded());
    }

    private static Path write(String name, String label, byte[] der) throws IOException {
        Path file = KEYS.resolve(name);
        Files.writeString(file, "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
