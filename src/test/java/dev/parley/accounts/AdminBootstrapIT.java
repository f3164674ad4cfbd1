package dev.parley.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.OwnServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The first admin at startup, on a server of its own with the embedded H2 default (the shared test
 * servers cover PostgreSQL): the account {@code PARLEY_ADMIN_USERNAME} names is created as an admin;
 * started again with another password for it, the server stops, says why in its log, and logs neither
 * password.
 */
class AdminBootstrapIT {
    private static final String FIRST = "first-boot-secret";
    private static final String OTHER = "another-boot-secret";
    private static OwnServer server;

    @AfterAll
    static void stop() {
        if (server != null) server.kill();
    }

    @Test
    void aServerWhoseAdminPasswordIsNotTheAccountsRefusesToStartAndSaysWhy() throws Exception {
        Path passwordFile = Path.of(System.getProperty("parley.it.target", "target")).resolve("admin-boot-password");
        Files.writeString(passwordFile, FIRST + "\n");
        server = OwnServer.named("admin_boot", 9).embedded()
                .with("parley.admin.username", "boot_admin")
                .with("parley.admin.password-file", passwordFile.toString());
        Files.deleteIfExists(server.log()); // the log of this run alone
        server.start();
        Api api = server.api();
        Login admin = api.login("boot_admin", FIRST);
        assertTrue(admin.body().getJsonObject("user").getBoolean("admin"), admin.body().toString());
        server.close();

        Files.writeString(passwordFile, OTHER);
        int status = server.respawn().awaitExitWithin(Duration.ofMinutes(3));

        assertEquals(1, status, "the process stops; see " + server.log());
        String log = Files.readString(server.log());
        assertTrue(log.contains("PARLEY_ADMIN_USERNAME names the existing account boot_admin, whose password is not the one in"
                + " PARLEY_ADMIN_PASSWORD"), "the log says why: " + server.log());
        assertFalse(log.contains(FIRST), "no password in the log");
        assertFalse(log.contains(OTHER), "no password in the log");
    }
}
