package eu.plenum.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.ExternalDatabase;
import eu.plenum.testsupport.PackagedJar;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar refuses to start when an operator declares a place or a node outside the
 * EU-only policy, says exactly which and why, and never touches the database first. An edge in a
 * third country starts without any database connection.
 */
class ResidencyStartupIT {

    private static final String HEADLINE = "Plenum refuses to start: the residency declarations break the EU-only policy:";
    private static ExternalDatabase database;

    @BeforeAll
    static void startDatabase() {
        database = ExternalDatabase.start();
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    /** Env of a node that would use the external database, tagged so its connections can be counted. */
    private static Map<String, String> env(String roles, String tag) {
        return Map.of("PLENUM_ROLES", roles, "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl() + "?ApplicationName=" + tag);
    }

    private void assertRefused(String logName, Map<String, String> properties, String expectedLine) throws Exception {
        try (PackagedJar app = PackagedJar.start(logName, env("app", logName), properties)) {
            assertNotEquals(0, app.awaitExit());
            String output = app.output();
            assertTrue(output.contains(HEADLINE), output);
            assertTrue(output.contains("  - " + expectedLine + "\n"), "expected line:\n" + expectedLine + "\nin:\n" + output);
            assertFalse(output.contains("Flyway"), "the refused node touched the database:\n" + output);
        }
    }

    @Test
    void recordingStorageInAThirdCountryIsRefused() throws Exception {
        assertRefused("residency-recordings-us", Map.of("plenum.residency.places.recordings.region", "us-vin"),
                "Place 'recordings' (recording storage) is in us-vin (Vint Hill, US), a third country, "
                        + "where personal data may never be stored or sent");
    }

    @Test
    void mailRelayInAnAdequateCountryNeedsTheExplicitAllowance() throws Exception {
        assertRefused("residency-smtp-uk", Map.of("plenum.residency.places.mail-relay.region", "uk-lon"),
                "Place 'mail-relay' (mail relay) is in uk-lon (London, GB), an adequate country (Commission "
                        + "Implementing Decision (EU) 2021/1772 of 28 June 2021 (GDPR adequacy, United Kingdom)) that "
                        + "needs an explicit allowance with its legal basis; set plenum.residency.adequate-allowances.uk-lon "
                        + "to the legal basis");
    }

    @Test
    void mailRelayInAnAdequateCountryStartsOnceAllowed() throws Exception {
        Map<String, String> properties = Map.of("plenum.residency.places.mail-relay.region", "uk-lon",
                "plenum.residency.adequate-allowances.uk-lon", "Art. 45 GDPR, Decision (EU) 2021/1772");
        try (PackagedJar app = PackagedJar.start("residency-smtp-uk-allowed", env("app", "allowed"), properties)) {
            assertEquals(200, app.awaitReady(), app.output());
        }
    }

    @Test
    void appNodeInTheNorthAmericanRegionIsRefused() throws Exception {
        assertRefused("residency-app-us", Map.of("plenum.residency.node-region", "us-vin"),
                "Node region us-vin (Vint Hill, US) is a third country, where personal data may never be stored "
                        + "or sent: a node there may run only the edge role, not app");
    }

    @Test
    void unknownRegionCodeIsRefused() throws Exception {
        assertRefused("residency-unknown-region", Map.of("plenum.residency.places.database.region", "eu-atlantis"),
                "Place 'database' (database): unknown region code 'eu-atlantis'");
    }

    @Test
    void edgeNodeInAThirdCountryStartsWithoutAnyDatabaseConnection() throws Exception {
        String tag = "plenum-edge-us";
        String emptyDatabase = database.createDatabase("edge_probe");
        Map<String, String> env = new java.util.HashMap<>(PackagedJar.edgeEnvironment("https://plenum.example.eu"));
        env.putAll(Map.of("QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_JDBC_URL", emptyDatabase + "?ApplicationName=" + tag));
        try (PackagedJar edge = PackagedJar.start("residency-edge-us", env, Map.of("plenum.residency.node-region", "us-vin"))) {
            assertEquals(200, edge.awaitReady(), edge.output());
            assertEquals(0, database.count("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?", tag),
                    "the edge node opened a database connection");
            assertFalse(database.tableExists(emptyDatabase, "flyway_schema_history"), "the edge node migrated the database");
            assertTrue(edge.process().descendants().noneMatch(h -> h.info().command().orElse("").contains("postgres")),
                    "the edge node started a database of its own");
        }
    }
}
