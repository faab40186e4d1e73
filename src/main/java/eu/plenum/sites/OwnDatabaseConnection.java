package eu.plenum.sites;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A JDBC connection outside the pool, for the guards that watch the primary: the pool may be full
 * of commits waiting for a standby that is gone, and a guard must still be able to act then.
 * Reopened on the next use after a failure; used by one scheduled guard at a time.
 */
final class OwnDatabaseConnection {

    private final String url;
    private final String user;
    private final String password;
    private Connection connection;

    OwnDatabaseConnection(String url, Optional<String> user, Optional<String> password) {
        this.url = url;
        this.user = user.orElse(null);
        this.password = password.orElse(null);
    }

    Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(url, user, password);
            connection.setAutoCommit(true);
        }
        return connection;
    }

    Statement statement() throws SQLException {
        return connection().createStatement();
    }

    /** Drops the connection after an error, so the next check starts afresh (e.g. on the promoted standby). */
    void reset() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // already broken
        }
        connection = null;
    }

    static boolean queryBoolean(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    static String queryString(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
