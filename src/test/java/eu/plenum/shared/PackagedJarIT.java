package eu.plenum.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.ExternalDatabase;
import eu.plenum.testsupport.FreePorts;
import eu.plenum.testsupport.PackagedJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged production jar: with a JDBC URL it uses that database (single- or multi-host) and
 * starts no embedded one; without one it refuses (the embedded database is for local trials, when
 * asked for); with an unknown role it refuses to start and says why.
 */
class PackagedJarIT {

    private static ExternalDatabase external;

    @BeforeAll
    static void startExternalDatabase() {
        external = ExternalDatabase.start();
    }

    @AfterAll
    static void stopExternalDatabase() {
        external.close();
    }

    @Test
    void usesTheConfiguredMultiHostDatabaseAndStartsNoEmbeddedOne() throws Exception {
        Path embeddedDir = Files.createTempDirectory("plenum-must-stay-empty").resolve("pgdata");
        // The first host is dead: the driver must move on to the live primary.
        String url = "jdbc:postgresql://127.0.0.1:" + FreePorts.next() + ",127.0.0.1:" + external.port()
                + "/plenum?targetServerType=primary";
        try (PackagedJar app = PackagedJar.start("packaged-jar-external-db", Map.of("QUARKUS_DATASOURCE_JDBC_URL", url,
                "QUARKUS_DATASOURCE_USERNAME", "postgres", "PLENUM_EMBEDDED_DB_DIR", embeddedDir.toString()), Map.of())) {
            assertEquals(200, app.awaitReady(), app.output());
            List<String> children = app.process().descendants().map(h -> h.info().command().orElse("?")).toList();
            assertTrue(children.stream().noneMatch(command -> command.contains("postgres")),
                    "the jar started a database of its own: " + children);
            assertFalse(Files.exists(embeddedDir), "embedded database files were created");
            assertTrue(app.output().contains("Using the configured external PostgreSQL"), app.output());
            assertFalse(app.output().contains("Started embedded PostgreSQL"), app.output());
            assertTrue(external.tableExists("tenant"), "Flyway did not migrate the external database");
        }
    }

    @Test
    void refusesToStartWithoutAJdbcUrlInsteadOfStartingAnEmbeddedDatabase() throws Exception {
        Path embeddedDir = Files.createTempDirectory("plenum-no-url").resolve("pgdata");
        try (PackagedJar app = PackagedJar.start("packaged-jar-no-url", Map.of("PLENUM_ROLES", "app",
                "PLENUM_EMBEDDED_DB_DIR", embeddedDir.toString()), Map.of())) {
            assertNotEquals(0, app.awaitExit(), "exit code must signal the refusal");
            String output = app.output();
            assertTrue(output.contains("Plenum refuses to start:\n  - No database configured: set quarkus.datasource.jdbc.url"
                    + " (env QUARKUS_DATASOURCE_JDBC_URL)"), output);
            assertFalse(output.contains("Started embedded PostgreSQL"), output);
            assertFalse(Files.exists(embeddedDir), "embedded database files were created");
        }
    }

    /** What ./plenum run does: the embedded database only because it is asked for. */
    @Test
    void startsTheEmbeddedDatabaseWhenExplicitlyEnabled() throws Exception {
        Path embeddedDir = Files.createTempDirectory("plenum-embedded").resolve("pgdata");
        try (PackagedJar app = PackagedJar.start("packaged-jar-embedded", Map.of("PLENUM_EMBEDDED_DB_ENABLED", "true",
                "PLENUM_EMBEDDED_DB_DIR", embeddedDir.toString()), Map.of())) {
            assertEquals(200, app.awaitReady(), app.output());
            assertTrue(app.output().contains("Started embedded PostgreSQL"), app.output());
            assertTrue(Files.isDirectory(embeddedDir.resolve("base")), "no cluster in " + embeddedDir);
        }
    }

    @Test
    void refusesToStartWithAnUnknownRole() throws Exception {
        try (PackagedJar app = PackagedJar.start("packaged-jar-unknown-role", Map.of("QUARKUS_DATASOURCE_JDBC_URL",
                external.jdbcUrl(), "QUARKUS_DATASOURCE_USERNAME", "postgres", "PLENUM_ROLES", "app,bogus"), Map.of())) {
            assertNotEquals(0, app.awaitExit(), "exit code must signal the refusal");
            assertTrue(app.output().contains("Unknown Plenum role 'bogus' in plenum.roles; known roles: app, media-worker, edge"),
                    app.output());
        }
    }
}
