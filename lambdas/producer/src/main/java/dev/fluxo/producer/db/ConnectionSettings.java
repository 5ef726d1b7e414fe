package dev.fluxo.producer.db;

import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where and as whom to connect. The password travels as a connection property, never inside the URL, and
 * {@link #toString()} leaves it out, so these settings can be logged.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/database?...}
 * @param user     the database user
 * @param password the password, or null for password-less authentication
 */
public record ConnectionSettings(String jdbcUrl, String user, String password) implements ConnectionSource {
    /** TLS mode for {@link #forHost} when none is given: encrypted, as RDS with {@code rds.force_ssl} requires. */
    public static final String DEFAULT_SSL_MODE = "require";
    /** Seconds to wait for the TCP connection and login. */
    public static final int CONNECT_TIMEOUT_SECONDS = 10;

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&]*");

    public ConnectionSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("JDBC URL must start with jdbc:postgresql: but was '" + jdbcUrl + "'");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("database user is missing");
        }
    }

    /**
     * Settings for {@code host:port/database}.
     *
     * @param sslMode PostgreSQL {@code sslmode} ({@code disable}, {@code prefer}, {@code require}, {@code verify-ca},
     *                {@code verify-full}); null means {@value #DEFAULT_SSL_MODE}
     */
    public static ConnectionSettings forHost(String host, int port, String database, String sslMode, String user,
                                             String password) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + database + "?sslmode="
                + (sslMode == null ? DEFAULT_SSL_MODE : sslMode);
        return new ConnectionSettings(url, user, password);
    }

    @Override
    public Connection open() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "fluxo-producer");
        props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        // the driver class directly, not DriverManager: works in a minimised jar without the service file
        Connection connection = new Driver().connect(jdbcUrl, props);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return connection;
    }

    /** The URL with any {@code password=} parameter masked, for messages. */
    public String redactedUrl() {
        return URL_PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return "ConnectionSettings[jdbcUrl=" + redactedUrl() + ", user=" + user + ", password="
                + (password == null ? "none" : "***") + "]";
    }
}
