package dev.parley.database;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A data source for any JDBC URL, so that one {@code @DataSourceDefinition} serves the embedded
 * H2 default and PostgreSQL alike: {@code PARLEY_DB_URL} alone picks the database. The vendors'
 * own data source classes each take only their own URLs, and PostgreSQL's ignores {@code url}
 * when given through {@code @DataSourceDefinition}. The container pools the connections.
 *
 * <p>The URL, user and password come from MP Config ({@code parley.db.*}, {@link #setConfigPrefix}) unless the container set
 * them: {@code @DataSourceDefinition} names none, as only Payara resolves configuration placeholders
 * in it, and WildFly would pass them on as they are.
 */
public class UrlDataSource implements DataSource {
    /**
     * The PostgreSQL driver waits forever by default on a database that stops answering (no socket
     * timeout, no login timeout): a send would hang until TCP gives up, minutes later. These bound
     * it; Parley's queries take milliseconds. The driver lets parameters in the URL win over these
     * ({@code PARLEY_DB_URL=jdbc:postgresql://host/db?socketTimeout=120}).
     */
    private static final Map<String, String> POSTGRESQL_TIMEOUTS = Map.of(
            "connectTimeout", "5", "loginTimeout", "10", "socketTimeout", "30", "tcpKeepAlive", "true");

    /**
     * Without a lock timeout, a transaction that holds a hot row (a room's member count, a room every
     * post locks) and hangs stops every request behind it, each holding a pooled connection, until the
     * pool is empty and the server answers nothing. {@code <prefix>.lock-timeout} turns that wait into
     * an error ({@code errors/DatabaseDown}: {@code unavailable}, logged); {@code
     * <prefix>.idle-in-transaction-timeout} ends the session of a transaction that sits idle with its
     * locks (PostgreSQL rolls it back). Set on each new connection, over any the URL's {@code options} set.
     */
    private Duration lockTimeout = Duration.ZERO;
    private Duration idleInTransactionTimeout = Duration.ZERO;

    private boolean configured;
    private String configPrefix = "parley.db";
    private String url;
    private String user;
    private String password;
    private int loginTimeout;
    private PrintWriter logWriter;

    /**
     * The MP Config keys {@code <prefix>.url}, {@code .user} and {@code .password} fill in what is not
     * set; {@code .lock-timeout} and {@code .idle-in-transaction-timeout} are read in any case.
     */
    public void setConfigPrefix(String prefix) { this.configPrefix = prefix; }
    public void setUrl(String url) { this.url = url; }
    public void setURL(String url) { this.url = url; }
    public String getUrl() { return url; }
    public void setUser(String user) { this.user = user; }
    public String getUser() { return user; }
    public void setPassword(String password) { this.password = password; }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(null, null);
    }

    /** Fills in from MP Config what the container did not set; the loader is the WAR's, whichever thread asks. */
    private synchronized void configure() {
        if (configured) return;
        Config config = ConfigProvider.getConfig(UrlDataSource.class.getClassLoader());
        if (url == null || url.isEmpty()) {
            url = config.getValue(configPrefix + ".url", String.class);
            if (user == null || user.isEmpty()) user = config.getOptionalValue(configPrefix + ".user", String.class).orElse(null);
            if (password == null || password.isEmpty()) password = config.getOptionalValue(configPrefix + ".password", String.class).orElse(null);
        }
        lockTimeout = timeout(config, configPrefix + ".lock-timeout");
        idleInTransactionTimeout = timeout(config, configPrefix + ".idle-in-transaction-timeout");
        configured = true;
    }

    private static Duration timeout(Config config, String key) {
        Duration value = config.getOptionalValue(key, String.class).map(Duration::parse).orElse(Duration.ZERO);
        if (value.isNegative()) throw new IllegalArgumentException(key + " must not be negative");
        return value;
    }

    @Override
    public Connection getConnection(String username, String secret) throws SQLException {
        configure();
        if (username == null || username.isEmpty()) username = user;
        if (secret == null || secret.isEmpty()) secret = password;
        Path h2Folder = DataFolder.ofH2(url);
        if (h2Folder != null) DataFolder.secure(h2Folder); // before H2 makes its files there
        Properties properties = new Properties();
        if (username != null && !username.isEmpty()) properties.setProperty("user", username);
        if (secret != null && !secret.isEmpty()) properties.setProperty("password", secret);
        if (url != null && url.startsWith("jdbc:postgresql:")) POSTGRESQL_TIMEOUTS.forEach(properties::putIfAbsent);
        Connection connection = driver().connect(PrivateH2Files.wrap(url), properties);
        if (connection == null) throw new SQLException("No JDBC driver accepts the configured database URL");
        if (h2Folder != null) DataFolder.secure(h2Folder); // and the files it has just made
        if (url.startsWith("jdbc:postgresql:")) limitWaits(connection);
        return connection;
    }

    /** Session settings, in milliseconds (0 is off); numbers from a parsed Duration, nothing from outside the config. */
    private void limitWaits(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = " + lockTimeout.toMillis()
                    + "; SET idle_in_transaction_session_timeout = " + idleInTransactionTimeout.toMillis());
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    private Driver driver() throws SQLException {
        // The drivers sit in WEB-INF/lib: DriverManager would not see them from the container's loader.
        for (Driver candidate : ServiceLoader.load(Driver.class, UrlDataSource.class.getClassLoader())) {
            if (candidate.acceptsURL(url)) return candidate;
        }
        throw new SQLException("No JDBC driver accepts the configured database URL");
    }

    @Override public PrintWriter getLogWriter() { return logWriter; }
    @Override public void setLogWriter(PrintWriter out) { this.logWriter = out; }
    @Override public void setLoginTimeout(int seconds) { this.loginTimeout = seconds; }
    @Override public int getLoginTimeout() { return loginTimeout; }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
    @Override public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) return type.cast(this);
        throw new SQLException("Not a wrapper of " + type.getName());
    }
    @Override public boolean isWrapperFor(Class<?> type) { return type.isInstance(this); }
}
