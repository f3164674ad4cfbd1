package dev.parley.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The test server's PostgreSQL database, read directly to check what the server stored. */
public final class TestDatabase {
    public static final String URL = System.getProperty("parley.it.db.url", "jdbc:postgresql://127.0.0.1:5432/parley_it");
    public static final String ADMIN_URL = System.getProperty("parley.it.admin.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("parley.it.db.user", "postgres");

    private TestDatabase() {
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, "");
    }

    public static String queryString(String sql) throws SQLException {
        try (Connection c = connect(URL); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            if (!r.next()) throw new IllegalStateException("No row for " + sql);
            return r.getString(1);
        }
    }
}
