package eu.plenum.testsupport;

import eu.plenum.shared.EmbeddedDatabase;
import eu.plenum.shared.JdbcUrls;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real servers behind every {@code @QuarkusTest}: an embedded PostgreSQL in a fresh folder and
 * a real Keycloak with the project's realm. Started once for the suite, stopped at its end.
 */
public class PlenumTestServers implements QuarkusTestResourceLifecycleManager {

    private static volatile KeycloakServer keycloak;
    private static volatile Mailbox mailbox;
    private EmbeddedPostgres postgres;

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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keycloak = KeycloakServer.start();
        mailbox = Mailbox.start();
        return Map.of(
                "quarkus.datasource.jdbc.url", JdbcUrls.withoutServerErrorDetail(EmbeddedDatabase.jdbcUrl(postgres)),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "plenum.keycloak.url", keycloak.url(),
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
