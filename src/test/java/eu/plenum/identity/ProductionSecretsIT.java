package eu.plenum.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.ExternalDatabase;
import eu.plenum.testsupport.PackagedJar;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar in the prod profile refuses to start on the repository's development OIDC
 * secret, without a client secret, a cookie-encryption secret or the console's service-account secret, and says what to set,
 * before it touches the database. An edge node needs no secret at all.
 */
class ProductionSecretsIT {

    private static ExternalDatabase database;

    @BeforeAll
    static void startDatabase() {
        database = ExternalDatabase.start();
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    private static Map<String, String> env(Map<String, String> secrets) {
        Map<String, String> env = new HashMap<>(Map.of("QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(), "PLENUM_ROLES", "app"));
        env.putAll(secrets);
        return env;
    }

    private static String refusal(String logName, Map<String, String> secrets) throws Exception {
        try (PackagedJar app = PackagedJar.start(logName, env(secrets), Map.of())) {
            assertNotEquals(0, app.awaitExit(), "exit code must signal the refusal");
            String output = app.output();
            assertTrue(output.contains("Plenum refuses to start:"), output);
            assertFalse(output.contains("Flyway"), "the refused node touched the database:\n" + output);
            return output;
        }
    }

    @Test
    void refusesTheDevelopmentClientSecret() throws Exception {
        String output = refusal("prod-secrets-dev-client", Map.of(PackagedJar.CLIENT_SECRET_ENV, "plenum-web-dev-secret"));
        assertTrue(output.contains("  - quarkus.oidc.credentials.secret is the development secret published in the repository"),
                output);
    }

    @Test
    void refusesToStartWithoutAClientSecret() throws Exception {
        String output = refusal("prod-secrets-no-client", Map.of(PackagedJar.CLIENT_SECRET_ENV, ""));
        assertTrue(output.contains("  - No OIDC client secret: set quarkus.oidc.credentials.secret (env QUARKUS_OIDC_CREDENTIALS_SECRET)"),
                output);
    }

    @Test
    void refusesToStartWithoutACookieEncryptionSecret() throws Exception {
        String output = refusal("prod-secrets-no-cookie", Map.of(PackagedJar.COOKIE_SECRET_ENV, ""));
        assertTrue(output.contains("  - No cookie-encryption secret: set quarkus.oidc.token-state-manager.encryption-secret"
                + " (env QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET)"), output);
    }

    @Test
    void refusesToStartWithoutTheConsoleServiceAccountSecret() throws Exception {
        String output = refusal("prod-secrets-no-console", Map.of(PackagedJar.CONSOLE_SECRET_ENV, ""));
        assertTrue(output.contains("  - No secret for the console's Keycloak service account: set quarkus.keycloak.admin-client.client-secret"
                + " (env QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET)"), output);
    }

    @Test
    void startsWithSecretsOfItsOwn() throws Exception {
        try (PackagedJar app = PackagedJar.start("prod-secrets-own", env(Map.of()), Map.of())) {
            assertEquals(200, app.awaitReady(), app.output());
        }
    }

    @Test
    void edgeNodeStartsWithoutAnySecret() throws Exception {
        Map<String, String> edge = PackagedJar.edgeEnvironment("https://plenum.example.eu");
        try (PackagedJar app = PackagedJar.start("prod-secrets-edge", edge, Map.of("plenum.residency.node-region", "us-vin"))) {
            assertEquals(200, app.awaitReady(), app.output());
        }
    }
}
