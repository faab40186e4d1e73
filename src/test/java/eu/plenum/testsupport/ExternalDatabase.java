package eu.plenum.testsupport;

import eu.plenum.shared.DatabaseRoles;
import eu.plenum.shared.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** A separate PostgreSQL server that plays the operator's external database in integration tests. */
public final class ExternalDatabase implements AutoCloseable {

    private static final DatabaseRoles.Credentials OWNER = new DatabaseRoles.Credentials(DatabaseRoles.OWNER, "owner-it");
    private static final DatabaseRoles.Credentials APP = new DatabaseRoles.Credentials(DatabaseRoles.APP, "app-it");
    private final EmbeddedPostgres postgres;

    private ExternalDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static ExternalDatabase start() {
        try {
            EmbeddedPostgres postgres = EmbeddedDatabase.start(Files.createTempDirectory("plenum-external-pg"));
            EmbeddedDatabase.provisionRoles(postgres, OWNER, APP);
            return new ExternalDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The node's environment with the two roles of a production database: Flyway as the schema owner,
     * the app as the runtime role. Without it a node runs everything as the superuser {@code postgres}.
     */
    public Map<String, String> asRuntimeRole(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("QUARKUS_DATASOURCE_USERNAME", APP.user());
        all.put("QUARKUS_DATASOURCE_PASSWORD", APP.password());
        all.put("QUARKUS_FLYWAY_USERNAME", OWNER.user());
        all.put("QUARKUS_FLYWAY_PASSWORD", OWNER.password());
        return all;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return EmbeddedDatabase.jdbcUrl(postgres);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    /** Creates another, empty database on the same server and returns its JDBC URL. */
    public String createDatabase(String name) throws SQLException {
        try (Connection connection = connect()) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        }
        return jdbcUrl().replaceAll("/[a-z_]+$", "/" + name);
    }

    public boolean tableExists(String table) throws SQLException {
        return tableExists(jdbcUrl(), table);
    }

    public boolean tableExists(String url, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = ?")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        }
    }

    public long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
