package dev.parley.files.control;

import dev.parley.database.Database;
import dev.parley.operations.Meters;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * What files tell {@code /metrics}: the bytes stored (files and thumbnails, the whole cluster's: read from
 * the database, at most every 30 s, as a scrape must not scan the table each time), uploads stored and
 * uploads refused (too large, over the quota, over the budget, empty, a refused picture).
 */
@ApplicationScoped
public class FileMetrics {
    private static final Logger LOG = Logger.getLogger(FileMetrics.class.getName());
    private static final long FRESH_FOR_NANOS = 30_000_000_000L;

    @Inject
    Meters meters;

    @Inject
    Database database;

    private Meters.Counter uploads;
    private Meters.Counter refusals;
    private volatile long storedBytes;
    private volatile long readAt;
    private volatile boolean read;

    /** Made at deployment, so that the series are there before the first upload. */
    void eager(@Observes @Priority(Database.MIGRATED) Startup started) {
    }

    @PostConstruct
    void register() {
        uploads = meters.counter("parley_file_uploads", "Files uploaded and stored");
        refusals = meters.counter("parley_file_upload_refusals", "Uploads refused: too large, over the quota or the upload budget, empty, a refused picture");
        meters.gauge("parley_files_stored_bytes", "Bytes of files and thumbnails stored (every node's), read at most every 30 s", this::storedBytes);
    }

    void uploaded() {
        uploads.inc();
    }

    void refused() {
        refusals.inc();
    }

    private long storedBytes() {
        long now = System.nanoTime();
        if (read && now - readAt < FRESH_FOR_NANOS) return storedBytes;
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COALESCE(SUM(size), 0) + COALESCE(SUM(thumbnail_size), 0) FROM files")) {
            r.next();
            storedBytes = r.getLong(1);
            readAt = now;
            read = true;
        } catch (SQLException e) {
            LOG.fine(() -> "Stored bytes not read: SQLState " + e.getSQLState());
        }
        return storedBytes;
    }
}
