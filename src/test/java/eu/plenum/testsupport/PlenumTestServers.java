package eu.plenum.testsupport;

import eu.plenum.shared.DatabaseRoles;
import eu.plenum.shared.EmbeddedDatabase;
import eu.plenum.shared.JdbcUrls;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The real servers behind every {@code @QuarkusTest}: an embedded PostgreSQL in a fresh folder and
 * a real Keycloak with the project's realm. Started once for the suite, stopped at its end.
 */
public class PlenumTestServers implements QuarkusTestResourceLifecycleManager {

    private static volatile KeycloakServer keycloak;
    private static volatile Mailbox mailbox;
    /** The app runs as the runtime role, as in production; fixtures that need DDL use {@link #ownerConnection()}. */
    public static final DatabaseRoles.Credentials OWNER = new DatabaseRoles.Credentials(DatabaseRoles.OWNER, "owner-test");
    public static final DatabaseRoles.Credentials APP = new DatabaseRoles.Credentials(DatabaseRoles.APP, "app-test");
    private static volatile String ownerUrl;
    private EmbeddedPostgres postgres;

    /**
     * A connection as the schema owner, for fixtures the runtime role may not make (test tables,
     * triggers) and for tampering with protected tables the way only the owner or a superuser could.
     */
    public static Connection ownerConnection() throws SQLException {
        if (ownerUrl == null) {
            throw new IllegalStateException("The test servers are not started");
        }
        return DriverManager.getConnection(ownerUrl, OWNER.user(), OWNER.password());
    }

    /** The Keycloak of the running suite, for tests that fetch tokens or drive the login page. */
    public static KeycloakServer keycloak() {
        if (keycloak == null) {
            throw new IllegalStateException("The test servers are not started");
        }
        return keycloak;
    }

    /** The suite's SMTP server (GreenMail), where every mail Plenum sends arrives. */
    public static Mailbox mailbox() {
        if (mailbox == null) {
            throw new IllegalStateException("The test servers are not started");
        }
        return mailbox;
    }

    @Override
    public Map<String, String> start() {
        try {
            Path dataDir = Files.createTempDirectory("plenum-test-pg");
            postgres = EmbeddedDatabase.start(dataDir);
            EmbeddedDatabase.provisionRoles(postgres, OWNER, APP);
            ownerUrl = EmbeddedDatabase.jdbcUrl(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mailbox = Mailbox.start();
        // Keycloak's own mails (host invitations) reach the same GreenMail as Plenum's.
        keycloak = KeycloakServer.start(mailbox.port());
        return Map.of(
                "quarkus.datasource.jdbc.url", JdbcUrls.withoutServerErrorDetail(EmbeddedDatabase.jdbcUrl(postgres)),
                "quarkus.datasource.username", APP.user(),
                "quarkus.datasource.password", APP.password(),
                "quarkus.flyway.username", OWNER.user(),
                "quarkus.flyway.password", OWNER.password(),
                "plenum.keycloak.url", keycloak.url(),
                "quarkus.keycloak.admin-client.client-secret", keycloak.consoleClientSecret(),
                "quarkus.mailer.port", String.valueOf(mailbox.port()),
                "plenum.mail.dispatch-every", "1s");
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.stop();
        }
        if (mailbox != null) {
            mailbox.stop();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
