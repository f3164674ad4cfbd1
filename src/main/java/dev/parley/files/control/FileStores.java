package dev.parley.files.control;

import dev.parley.database.Database;
import dev.parley.operations.RefuseToStart;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one {@link FileStore}, chosen by {@code PARLEY_FILE_STORE}: {@code database} (the default) or
 * {@code s3}. Any other value stops the server at startup, naming the setting.
 */
@ApplicationScoped
public class FileStores {
    private static final Logger LOG = Logger.getLogger(FileStores.class.getName());
    static final String DATABASE = "database";
    static final String S3 = "s3";

    @Inject
    @ConfigProperty(name = "parley.file.store")
    String kind;

    @Inject
    Instance<DatabaseStore> database;

    /** Checks the setting at deployment, so that a wrong value stops the server before it serves. */
    void check(@Observes @Priority(Database.MIGRATED) Startup started) {
        String chosen = chosen();
        if (!chosen.equals(DATABASE) && !chosen.equals(S3)) {
            throw RefuseToStart.because(LOG, "PARLEY_FILE_STORE is '" + kind + "'; it must be 'database' or 's3'");
        }
        LOG.info(() -> "Files are stored in " + (chosen.equals(DATABASE) ? "the database" : "an S3-compatible object store"));
    }

    @Produces
    @ApplicationScoped
    FileStore store() {
        return switch (chosen()) {
            case DATABASE -> database.get();
            // case S3 -> s3.get();  // S3Store (issue #26, the S3 helper): @Typed(S3Store.class), injected like DatabaseStore
            default -> throw new IllegalStateException("PARLEY_FILE_STORE is '" + kind + "'; it must be 'database' or 's3'");
        };
    }

    /**
     * Whether the store writes and deletes inside the caller's transaction (the database), so that
     * a row and its bytes go together; else bytes are deleted only after the rows' commit.
     */
    public boolean transactional() {
        return chosen().equals(DATABASE);
    }

    private String chosen() {
        return kind == null ? DATABASE : kind.strip().toLowerCase(Locale.ROOT);
    }
}
