package eu.plenum.sites;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A JDBC connection outside the pool, for the guards that watch the primary: the pool may be full
 * of commits waiting for a standby that is gone, and a guard must still be able to act then.
 * Each guard gets one of its own ({@code @Dependent}); reopened on the next use after a failure.
 */
@Dependent
class OwnDatabaseConnection {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(OwnDatabaseConnection.class);

    /** What a guard does on the primary. */
    @FunctionalInterface
    interface OnPrimary {
        void run(Statement statement) throws SQLException;
    }

    private final Optional<String> url;
    private final String user;
    private final String password;
    private Connection connection;

    OwnDatabaseConnection(@ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        this.user = user.orElse(null);
        this.password = password.orElse(null);
    }

    /** Whether this node has an external database to watch at all. */
    boolean configured() {
        return url.isPresent();
    }

    /**
     * Runs {@code onPrimary} when the server is the primary, {@code onStandby} when it is in
     * recovery; after an error the connection is dropped, so the next check starts afresh (e.g. on
     * the promoted standby).
     */
    void check(OnPrimary onPrimary, Runnable onStandby) {
        try (Statement statement = statement()) {
            if (queryBoolean(statement, "SELECT pg_is_in_recovery()")) {
                onStandby.run();
            } else {
                onPrimary.run(statement);
            }
        } catch (SQLException e) {
            // A lost server is expected during failover; a missing privilege of the runtime role (class 42) is a setup error.
            if (e.getSQLState() != null && e.getSQLState().startsWith("42")) {
                LOG.errorf("ALERT: replication check refused by the database (SQLState %s): grant the runtime role what "
                        + "shared.DatabaseRoles grants", e.getSQLState());
            }
            reset();
        }
    }

    Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(url.orElseThrow(), user, password);
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private Statement statement() throws SQLException {
        return connection().createStatement();
    }

    private void reset() {
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
