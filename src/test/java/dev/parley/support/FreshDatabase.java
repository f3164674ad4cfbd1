package dev.parley.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Drops and creates a PostgreSQL database, so that the test server starts on an empty one. */
public final class FreshDatabase {
    private FreshDatabase() {
    }

    /** {@code adminUrl user database...}: one run for all (a second run in the build's JVM would not find the driver). */
    public static void main(String[] args) throws SQLException {
        for (int i = 2; i < args.length; i++) recreate(args[0], args[1], args[i]);
    }

    public static void recreate(String adminUrl, String user, String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) throw new IllegalArgumentException("Bad database name " + database);
        try (Connection c = DriverManager.getConnection(adminUrl, user, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
    }
}
