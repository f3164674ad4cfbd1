package dev.parley.database;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the data folder and the embedded database's folder private ({@link DataFolder}) while Parley
 * runs: the database makes files of its own later (a trace file, temporary files).
 */
@ApplicationScoped
public class PrivateFiles {
    private static final Logger LOG = Logger.getLogger(PrivateFiles.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "parley.data-dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "parley.db.url")
    String databaseUrl;

    private ScheduledFuture<?> task;

    void start(@Observes Startup started) {
        secure();
        task = scheduler.scheduleWithFixedDelay(this::secure, 1, 1, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (task != null) task.cancel(false);
    }

    private void secure() {
        try {
            DataFolder.secure(Path.of(dataDir));
            Path h2 = DataFolder.ofH2(databaseUrl);
            if (h2 != null) DataFolder.secure(h2);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot keep the data folder private", e);
        }
    }
}
