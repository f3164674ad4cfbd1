package dev.parley.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.FreshDatabase;
import dev.parley.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The schema comes from the same Flyway migrations the server runs, on an empty PostgreSQL database:
 * the common ones ({@code db/migration}) and PostgreSQL's own ({@code db/postgresql}).
 */
class MigrationsIT {

    @Test
    void theServerMigratedItsEmptyDatabase() throws Exception {
        try (Connection c = TestDatabase.connect(TestDatabase.URL);
             ResultSet r = c.createStatement().executeQuery(
                     "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            List<String> versions = new ArrayList<>();
            while (r.next()) {
                assertTrue(r.getBoolean(2));
                versions.add(r.getString(1));
            }
            assertEquals(migrationCount(), versions.size());
            assertEquals("1", versions.get(0));
        }
    }

    @Test
    void everyMigrationAppliesToAnEmptyDatabase() throws Exception {
        String name = "parley_migrations_it";
        FreshDatabase.recreate(TestDatabase.ADMIN_URL, TestDatabase.USER, name);
        String url = TestDatabase.ADMIN_URL.substring(0, TestDatabase.ADMIN_URL.lastIndexOf('/') + 1) + name;
        var result = Flyway.configure().dataSource(url, TestDatabase.USER, "").locations(LOCATIONS).load().migrate();
        assertEquals(migrationCount(), result.migrationsExecuted);
        try (Connection c = TestDatabase.connect(url);
             ResultSet r = c.createStatement().executeQuery("SELECT name FROM rooms WHERE id = 1")) {
            assertTrue(r.next());
            assertEquals("feed", r.getString(1));
        }
        try (Connection c = TestDatabase.connect(url);
             ResultSet r = c.createStatement().executeQuery("SELECT indexdef FROM pg_indexes WHERE indexname = 'messages_search'")) {
            assertTrue(r.next(), "the full-text index");
            assertTrue(r.getString(1).contains("gin"), r.getString(1));
        }
    }

    private static final String[] LOCATIONS = {"classpath:db/migration", "classpath:db/postgresql"};

    private static int migrationCount() {
        return Flyway.configure().dataSource("jdbc:h2:mem:count", "", "").locations(LOCATIONS)
                .load().info().all().length;
    }
}
