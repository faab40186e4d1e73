package eu.plenum.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.FreePorts;
import eu.plenum.testsupport.ProcessTrees;
import eu.plenum.testsupport.ProjectPaths;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged production jar: with a JDBC URL it uses that database (single- or multi-host) and
 * starts no embedded one; with an unknown role it refuses to start and says why.
 */
class PackagedJarIT {

    private static EmbeddedPostgres external;

    @BeforeAll
    static void startExternalDatabase() throws IOException {
        external = EmbeddedDatabase.start(Files.createTempDirectory("plenum-external-pg"));
    }

    @AfterAll
    static void stopExternalDatabase() throws IOException {
        external.close();
    }

    @Test
    void usesTheConfiguredMultiHostDatabaseAndStartsNoEmbeddedOne() throws Exception {
        Path embeddedDir = Files.createTempDirectory("plenum-must-stay-empty").resolve("pgdata");
        int port = FreePorts.next();
        // The first host is dead: the driver must move on to the live primary.
        String url = "jdbc:postgresql://127.0.0.1:" + FreePorts.next() + ",127.0.0.1:" + external.getPort()
                + "/plenum?targetServerType=primary";
        Path log = ProjectPaths.target("packaged-jar-external-db.log");
        Process app = launch(Map.of("QUARKUS_DATASOURCE_JDBC_URL", url, "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_HTTP_PORT", String.valueOf(port), "PLENUM_EMBEDDED_DB_DIR", embeddedDir.toString()), log);
        try {
            assertEquals(200, awaitReady(app, port), "readiness of the packaged jar; see " + log);
            List<String> children = app.descendants().map(h -> h.info().command().orElse("?")).toList();
            assertTrue(children.stream().noneMatch(command -> command.contains("postgres")),
                    "the jar started a database of its own: " + children);
            assertFalse(Files.exists(embeddedDir), "embedded database files were created");
            String output = Files.readString(log);
            assertTrue(output.contains("Using the configured external PostgreSQL"), output);
            assertFalse(output.contains("Started embedded PostgreSQL"), output);
            assertTrue(tenantTableExists(), "Flyway did not migrate the external database");
        } finally {
            ProcessTrees.stop(app);
        }
    }

    @Test
    void refusesToStartWithAnUnknownRole() throws Exception {
        Path log = ProjectPaths.target("packaged-jar-unknown-role.log");
        Process app = launch(Map.of("QUARKUS_DATASOURCE_JDBC_URL", EmbeddedDatabase.jdbcUrl(external),
                "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_HTTP_PORT", String.valueOf(FreePorts.next()),
                "PLENUM_ROLES", "app,bogus"), log);
        try {
            assertTrue(app.waitFor(90, TimeUnit.SECONDS), "the jar kept running with an unknown role");
            assertTrue(app.exitValue() != 0, "exit code must signal the refusal");
            String output = Files.readString(log);
            assertTrue(output.contains("Unknown Plenum role 'bogus' in plenum.roles; known roles: app, media-worker, edge"), output);
        } finally {
            ProcessTrees.stop(app);
        }
    }

    private static Process launch(Map<String, String> env, Path log) throws IOException {
        String jar = System.getProperty("plenum.runner.jar", ProjectPaths.target("quarkus-app", "quarkus-run.jar").toString());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().putAll(env);
        builder.environment().put("PLENUM_KEYCLOAK_URL", "http://127.0.0.1:" + FreePorts.next());
        return builder.start();
    }

    private static int awaitReady(Process app, int port) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        Instant deadline = Instant.now().plusSeconds(90);
        int status = -1;
        while (Instant.now().isBefore(deadline) && app.isAlive()) {
            try {
                status = client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return status;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        return status;
    }

    private static boolean tenantTableExists() throws SQLException {
        try (Connection connection = DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(external), "postgres", "");
                ResultSet rows = connection.createStatement().executeQuery("SELECT to_regclass('public.tenant') IS NOT NULL")) {
            return rows.next() && rows.getBoolean(1);
        }
    }
}
