package dev.parley.platform;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source for any JDBC URL, so that one {@code @DataSourceDefinition} serves the embedded
 * H2 default and PostgreSQL alike: {@code PARLEY_DB_URL} alone picks the database. The vendors'
 * own data source classes each take only their own URLs, and PostgreSQL's ignores {@code url}
 * when given through {@code @DataSourceDefinition}. The container pools the connections.
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

    private String url;
    private String user;
    private String password;
    private int loginTimeout;
    private PrintWriter logWriter;

    public void setUrl(String url) { this.url = url; }
    public void setURL(String url) { this.url = url; }
    public String getUrl() { return url; }
    public void setUser(String user) { this.user = user; }
    public String getUser() { return user; }
    public void setPassword(String password) { this.password = password; }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String secret) throws SQLException {
        Path h2Folder = DataFolder.ofH2(url);
        if (h2Folder != null) DataFolder.secure(h2Folder); // before H2 makes its files there
        Properties properties = new Properties();
        if (username != null && !username.isEmpty()) properties.setProperty("user", username);
        if (secret != null && !secret.isEmpty()) properties.setProperty("password", secret);
        if (url != null && url.startsWith("jdbc:postgresql:")) POSTGRESQL_TIMEOUTS.forEach(properties::putIfAbsent);
        Connection connection = driver().connect(PrivateH2Files.wrap(url), properties);
        if (connection == null) throw new SQLException("No JDBC driver accepts the configured database URL");
        if (h2Folder != null) DataFolder.secure(h2Folder); // and the files it has just made
        return connection;
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
