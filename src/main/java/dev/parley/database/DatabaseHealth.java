package dev.parley.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers; live while the application runs at all. */
@ApplicationScoped
public class DatabaseHealth {
    @Inject
    Database database;

    @Readiness
    @ApplicationScoped
    public static class DatabaseAnswers implements HealthCheck {
        @Inject
        Database database;

        @Override
        public HealthCheckResponse call() {
            try (Connection c = database.dataSource().getConnection()) {
                return HealthCheckResponse.named("database").status(c.isValid(2)).build();
            } catch (Exception e) {
                return HealthCheckResponse.down("database");
            }
        }
    }

    @Liveness
    @ApplicationScoped
    public static class Running implements HealthCheck {
        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.up("parley");
        }
    }
}
