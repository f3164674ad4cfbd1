package dev.parley.accounts.control;

import dev.parley.database.Database;
import dev.parley.errors.InvalidPayload;
import dev.parley.operations.RefuseToStart;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first server admin, from {@code PARLEY_ADMIN_USERNAME} and {@code PARLEY_ADMIN_PASSWORD} (or
 * {@code PARLEY_ADMIN_PASSWORD_FILE}), at every start: the account is created if it does not exist
 * and made an admin if it exists with that password. If it exists with another password (or is a
 * guest), the settings would hand the role to whoever holds that account: the server stops instead,
 * saying why, without either password in the log.
 */
@ApplicationScoped
public class AdminBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    Admins admins;

    @Inject
    @ConfigProperty(name = "parley.admin.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "parley.admin.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "parley.admin.password-file")
    Optional<String> passwordFile;

    void start(@Observes @Priority(Database.MIGRATED) Startup started) {
        if (username.isEmpty()) {
            if (password.isPresent() || passwordFile.isPresent()) throw refuse("PARLEY_ADMIN_PASSWORD is set without PARLEY_ADMIN_USERNAME");
            return;
        }
        String name = username.get().strip();
        Admins.Bootstrap step;
        try {
            step = bootstrap(name, password());
        } catch (InvalidPayload e) {
            throw refuse("The admin account cannot be made: " + e.getMessage());
        }
        switch (step) {
            case CREATED -> LOG.info(() -> "Made the server admin account " + name);
            case GRANTED -> LOG.info(() -> "Made the existing account " + name + " a server admin");
            case ALREADY_ADMIN -> LOG.info(() -> "The server admin account " + name + " is in place");
            case WRONG_PASSWORD -> throw refuse("PARLEY_ADMIN_USERNAME names the existing account " + name
                    + ", whose password is not the one in PARLEY_ADMIN_PASSWORD (or PARLEY_ADMIN_PASSWORD_FILE). Give the"
                    + " account's own password, or name another account");
            case GUEST -> throw refuse("PARLEY_ADMIN_USERNAME names " + name + ", a guest account; a guest is never an admin");
        }
    }

    /** Two nodes starting at once may both insert: the loser's insert fails on the unique name, and a second try finds the winner's. */
    private Admins.Bootstrap bootstrap(String name, String secret) {
        try {
            return admins.bootstrap(name, secret);
        } catch (InvalidPayload e) {
            throw e;
        } catch (RuntimeException lostTheRace) {
            return admins.bootstrap(name, secret);
        }
    }

    private String password() {
        if (password.isPresent() && passwordFile.isPresent()) {
            throw refuse("Set PARLEY_ADMIN_PASSWORD or PARLEY_ADMIN_PASSWORD_FILE, not both");
        }
        if (password.isPresent()) return password.get();
        if (passwordFile.isEmpty()) throw refuse("PARLEY_ADMIN_USERNAME needs PARLEY_ADMIN_PASSWORD or PARLEY_ADMIN_PASSWORD_FILE");
        try {
            return Files.readString(Path.of(passwordFile.get())).strip(); // an editor's or echo's final newline is not part of it
        } catch (IOException | RuntimeException e) {
            throw refuse("PARLEY_ADMIN_PASSWORD_FILE " + passwordFile.get() + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static IllegalStateException refuse(String why) {
        return RefuseToStart.because(LOG, why);
    }
}
