package eu.plenum.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PackagedJar;
import eu.plenum.testsupport.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The synchronous standby disappears (SIGKILL). Policy {@code degrade}: commits wait, then after
 * {@code plenum.sites.degrade-after} the app switches the primary to asynchronous, says so on
 * /q/health, /q/metrics and in its log, and restores synchronous replication when the standby is
 * back. Policy {@code block}: commits wait until the standby is back, for as long as it takes.
 */
class StandbyLossIT {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void degradeReleasesWritesAfterTheDelayVisiblyAndBlockKeepsThemWaiting() throws Exception {
        try (PostgresServer primary = PostgresServer.primary("siteb"); PostgresServer standby = PostgresServer.standbyOf(primary, "siteb")) {
            primary.awaitSynchronousStandby();
            // The test's own writes go to the "postgres" database; "plenum" belongs to the app's Flyway.
            try (Connection connection = primary.connect("postgres")) {
                connection.createStatement().execute("CREATE TABLE written (n int)");
            }
            try (PackagedJar app = start(primary, "degrade")) {
                awaitMode(app, mode -> mode.contains("\"mode\": \"SYNCHRONOUS\""));
                standby.kill();
                CompletableFuture<Void> write = CompletableFuture.runAsync(() -> insert(primary, 1));
                // The guard's own view as the signal (not a pause): it saw the loss, and degrades only 3 s later.
                awaitMode(app, mode -> mode.contains("\"mode\": \"WAITING_FOR_STANDBY\""));
                assertFalse(write.isDone(), "with the standby gone, the commit waits (degrade-after is 3 s)");
                write.get(30, TimeUnit.SECONDS);
                String health = health(app);
                assertTrue(health.contains("\"mode\": \"DEGRADED_ASYNCHRONOUS\"") && health.contains("\"synchronous_standby_names\": \"\""),
                        "the degraded state is visible: " + health);
                assertTrue(get(app, "/q/metrics").contains("plenum_replication_degraded 1.0"));
                assertTrue(app.output().contains("ALERT: replication degraded to ASYNCHRONOUS"), "an alert is logged");
                insert(primary, 2); // asynchronous now: commits go through without the standby

                standby.restart();
                awaitMode(app, mode -> mode.contains("\"mode\": \"SYNCHRONOUS\"") && mode.contains("FIRST 1 (siteb)"));
                primary.awaitSynchronousStandby();
                assertTrue(app.output().contains("Synchronous replication restored"));
            }
            try (PackagedJar app = start(primary, "block")) {
                awaitMode(app, mode -> mode.contains("\"mode\": \"SYNCHRONOUS\""));
                standby.kill();
                CompletableFuture<Void> write = CompletableFuture.runAsync(() -> insert(primary, 3));
                Thread.sleep(6000);
                assertFalse(write.isDone(), "policy block: the commit still waits for the standby");
                assertTrue(health(app).contains("\"mode\": \"WAITING_FOR_STANDBY\""), health(app));
                standby.restart();
                write.get(60, TimeUnit.SECONDS);
                try (Connection connection = standby.connect("postgres"); Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT count(*) FROM written")) {
                    rows.next();
                    assertEquals(3, rows.getInt(1), "every acknowledged write reached the standby");
                }
            }
        }
    }

    private static PackagedJar start(PostgresServer primary, String policy) throws InterruptedException {
        // The runtime role sets synchronous_standby_names itself (GRANT ALTER SYSTEM ON PARAMETER).
        PackagedJar app = PackagedJar.start("standby-loss-" + policy, PostgresServer.asRuntimeRole(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", primary.jdbcUrl("plenum") + "?connectTimeout=2",
                "PLENUM_SITES_ON_STANDBY_LOSS", policy,
                "PLENUM_SITES_DEGRADE_AFTER", "3s", "PLENUM_SITES_CHECK_EVERY", "250ms",
                "PLENUM_MEDIA_POOL_SIZE", "0")), PostgresServer.declaredStandby("siteb"));
        assertEquals(200, app.awaitReady(), app.output());
        return app;
    }

    private static void insert(PostgresServer primary, int n) {
        try (Connection connection = primary.connect("postgres")) {
            connection.createStatement().execute("INSERT INTO written VALUES (" + n + ")");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitMode(PackagedJar app, Predicate<String> wanted) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        String health = health(app);
        while (!wanted.test(health) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            health = health(app);
        }
        assertTrue(wanted.test(health), health);
    }


    private String health(PackagedJar app) throws Exception {
        return get(app, "/q/health/ready");
    }

    private String get(PackagedJar app, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(app.url(path))).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
