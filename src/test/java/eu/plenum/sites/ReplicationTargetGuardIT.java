package eu.plenum.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PackagedJar;
import eu.plenum.testsupport.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Replication is a transfer of every personal datum: the app puts each standby streaming from its
 * primary to the residency guard. The declared standby ("siteb", Strasbourg) is allowed and logged;
 * a standby nobody declared ("rogue") is refused, logged, and its WAL sender is ended — every time it
 * reconnects — while the declared one keeps confirming commits.
 */
class ReplicationTargetGuardIT {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void anUndeclaredStandbyIsCutOffAndLoggedWhileTheDeclaredOneStreams() throws Exception {
        try (PostgresServer primary = PostgresServer.primary("siteb");
                PostgresServer declared = PostgresServer.standbyOf(primary, "siteb");
                PostgresServer rogue = PostgresServer.standbyOf(primary, "rogue")) {
            primary.awaitSynchronousStandby();
            Instant streaming = Instant.now().plusSeconds(30);
            while (senders(primary, "rogue").isEmpty() && Instant.now().isBefore(streaming)) {
                Thread.sleep(100);
            }
            Set<Integer> rogueSenders = new TreeSet<>(senders(primary, "rogue"));
            assertTrue(!rogueSenders.isEmpty(), "before the app runs, nothing stops the rogue standby");

            try (PackagedJar app = PackagedJar.start("replication-guard", Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", primary.jdbcUrl("plenum"), "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "PLENUM_SITES_CHECK_EVERY", "250ms", "PLENUM_MEDIA_POOL_SIZE", "0"), PostgresServer.declaredStandby("siteb"))) {
                assertEquals(200, app.awaitReady(), app.output());

                List<String> refused = awaitLog(primary, "REFUSED", "undeclared standby 'rogue' at 127.0.0.1", 1);
                assertTrue(refused.get(0).contains("it is not a declared place"), refused.toString());
                List<String> allowed = awaitLog(primary, "ALLOWED", "database-standby", 1);
                assertTrue(allowed.get(0).contains("eu-sxb"), allowed.toString());

                Instant deadline = Instant.now().plusSeconds(5);
                while (!java.util.Collections.disjoint(senders(primary, "rogue"), rogueSenders) && Instant.now().isBefore(deadline)) {
                    Thread.sleep(100);
                }
                assertTrue(java.util.Collections.disjoint(senders(primary, "rogue"), rogueSenders),
                        "the rogue standby's WAL sender was ended");

                // The standby reconnects (wal_retrieve_retry_interval, 5 s): refused and logged again.
                awaitLog(primary, "REFUSED", "undeclared standby 'rogue' at 127.0.0.1", 2);
                assertTrue(app.output().contains("ALERT: replication to undeclared standby 'rogue' at 127.0.0.1 refused"), app.output());
                assertTrue(metric(app, "plenum_replication_targets_refused_total") >= 2);

                assertEquals(1, senders(primary, "siteb").size(), "the declared standby still streams");
                try (Connection connection = primary.connect("postgres")) {
                    connection.createStatement().execute("CREATE TABLE after_guard (n int)"); // commits: siteb confirms
                }
                assertEquals(1, allowedCount(primary), "the declared standby was authorised once, not on every check");
            }
        }
    }

    /**
     * The shipped default declares no standby, so the guard ends the very standby the primary's
     * {@code synchronous_standby_names} waits for: commits would wait for ever. That is said in the
     * start-up log (ERROR), on /q/health/ready (down, 503) and on the console, with the setting to add.
     */
    @Test
    void aSynchronousStandbyThatIsNotDeclaredIsReportedWithTheSettingToAdd() throws Exception {
        try (PostgresServer primary = PostgresServer.primary("siteb");
                PostgresServer standby = PostgresServer.standbyOf(primary, "siteb")) {
            primary.awaitSynchronousStandby();
            try (PackagedJar app = PackagedJar.start("replication-guard-undeclared", Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", primary.jdbcUrl("plenum"), "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "PLENUM_SITES_CHECK_EVERY", "250ms", "PLENUM_MEDIA_POOL_SIZE", "0"), Map.of())) {
                HttpResponse<String> ready = awaitHealth(app, body -> body.contains("siteb@127.0.0.1"));
                assertEquals(503, ready.statusCode(), ready.body());
                String health = ready.body();
                assertTrue(health.contains("\"status\": \"DOWN\""), health);
                assertTrue(health.contains("synchronous_standby_names = 'FIRST 1 (siteb)' waits for siteb"), health);
                assertTrue(health.contains("\"setting to add\": \"plenum.residency.places.database-standby.kind=database, "
                        + "plenum.residency.places.database-standby.region=<EU region of the standby>, "
                        + "plenum.residency.places.database-standby.target=siteb@127.0.0.1\""), health);
                String output = app.output();
                int started = output.indexOf("started in");
                int alert = output.indexOf("ALERT: synchronous_standby_names = 'FIRST 1 (siteb)' waits for siteb");
                assertTrue(alert >= 0 && output.substring(output.lastIndexOf('\n', alert) + 1, alert).contains("ERROR"), output);
                assertTrue(started < 0 || alert < started, "said at start-up, before the app reports it started: " + output);
                assertTrue(output.contains("Declare it: plenum.residency.places.database-standby.kind=database"), output);
                // Still fail-closed: the undeclared standby is refused and logged as such.
                awaitLog(primary, "REFUSED", "undeclared standby 'siteb' at 127.0.0.1", 1);
            }
        }
    }

    private static HttpResponse<String> awaitHealth(PackagedJar app, java.util.function.Predicate<String> wanted) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(90);
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline) && app.process().isAlive()) {
            try {
                last = client.send(HttpRequest.newBuilder(URI.create(app.url("/q/health/ready"))).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (wanted.test(last.body())) {
                    return last;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("health never showed it; last: " + (last == null ? "no answer" : last.body()) + "\n" + app.output());
    }

    private static List<Integer> senders(PostgresServer primary, String applicationName) throws SQLException {
        try (Connection connection = primary.connect("postgres");
                PreparedStatement query = connection.prepareStatement(
                        "SELECT pid FROM pg_stat_replication WHERE application_name = ?")) {
            query.setString(1, applicationName);
            List<Integer> pids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getInt(1));
                }
            }
            return pids;
        }
    }

    /** Transfer-log rows of replication with this outcome and destination, once there are at least {@code count}. */
    private static List<String> awaitLog(PostgresServer primary, String outcome, String destination, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        List<String> rows = List.of();
        while (Instant.now().isBefore(deadline)) {
            rows = log(primary, outcome, destination);
            if (rows.size() >= count) {
                return rows;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("expected " + count + " " + outcome + " rows for " + destination + ", found " + rows);
    }

    private static List<String> log(PostgresServer primary, String outcome, String destination) throws SQLException {
        try (Connection connection = primary.connect("plenum");
                PreparedStatement query = connection.prepareStatement("SELECT node_region, to_region, reason, legal_basis"
                        + " FROM transfer_log WHERE category = 'database-replica' AND outcome = ? AND destination = ? ORDER BY id")) {
            query.setString(1, outcome);
            query.setString(2, destination);
            List<String> rows = new ArrayList<>();
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    rows.add(found.getString(1) + " -> " + found.getString(2) + ": " + found.getString(3) + " / " + found.getString(4));
                }
            }
            return rows;
        } catch (SQLException notYet) {
            return List.of(); // Flyway has not created the table yet
        }
    }

    private static int allowedCount(PostgresServer primary) throws SQLException {
        return log(primary, "ALLOWED", "database-standby").size();
    }

    private double metric(PackagedJar app, String name) throws Exception {
        String metrics = client.send(HttpRequest.newBuilder(URI.create(app.url("/q/metrics"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
