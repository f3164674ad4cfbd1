package dev.parley.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Parley's one database: the embedded H2 default or whatever {@code PARLEY_DB_URL} names. The
 * schema is brought up to date by Flyway before anything else runs; the same migrations serve both,
 * plus, for PostgreSQL, what H2 lacks ({@code db/postgresql}: the full-text index).
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "dev.parley.database.UrlDataSource",
        // No url, user or password: UrlDataSource reads them from MP Config itself, as only Payara
        // resolves placeholders (${MPCONFIG=...}) in this annotation.
        minPoolSize = 2,
        maxPoolSize = 32,
        // Every connection is checked as it leaves the pool (Connection.isValid: a round trip on
        // PostgreSQL; "meta-data" validation never touches the network there and handed out dead
        // connections after an outage), and one that fails takes the whole pool with it, so that
        // after the database comes back no request draws a connection from before. A request waits
        // at most 10 s for a connection (the default, 60 s, left sends hanging for a minute). Payara's
        // names; WildFly ignores them, and has no portable equivalent (docs/library-gaps.md, "WildFly").
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=10000",
                // Where UrlDataSource reads its URL, user and password; WildFly also needs at least one property.
                "configPrefix=parley.db"})
@ApplicationScoped
public class Database {
    /**
     * Startup observers that need the schema run after this one. CDI rather than EJB startup
     * singletons: WildFly's MicroProfile configuration has no EJB container.
     */
    public static final int MIGRATED = Interceptor.Priority.PLATFORM_BEFORE + 10;

    public static final String JNDI_NAME = "java:app/jdbc/parley";
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    private boolean postgres;

    @PostConstruct
    void migrate() {
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached", e);
        }
        String[] locations = postgres ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                : new String[] {"classpath:db/migration"};
        var result = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations)
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /** Created (so migrated) at deployment, before any other startup observer uses the database. */
    void eager(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Startup started) {
    }

    /** PostgreSQL, or else the embedded H2: where their SQL differs (full-text search). */
    public boolean postgres() {
        return postgres;
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
