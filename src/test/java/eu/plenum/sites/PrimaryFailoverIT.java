package eu.plenum.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PackagedJar;
import eu.plenum.testsupport.PostgresServer;
import eu.plenum.testsupport.SqlSeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two real PostgreSQL servers (Debian's packages) with synchronous streaming replication under
 * the packaged app, which writes registrations steadily; the primary is killed with SIGKILL and
 * the standby promoted. Every registration the app acknowledged is on the new primary (RPO 0),
 * and the app writes again without a restart (its multi-host URL finds the new primary).
 */
class PrimaryFailoverIT {

    @Test
    void acknowledgedWritesSurviveThePrimarysDeathAndTheAppFollowsThePromotedStandby() throws Exception {
        try (PostgresServer primary = PostgresServer.primary("siteb");
                PostgresServer standby = PostgresServer.standbyOf(primary, "siteb")) {
            primary.awaitSynchronousStandby();
            String url = "jdbc:postgresql://127.0.0.1:" + primary.port() + ",127.0.0.1:" + standby.port()
                    + "/plenum?targetServerType=primary&connectTimeout=2&socketTimeout=10";
            try (PackagedJar app = PackagedJar.start("failover-app", PostgresServer.asRuntimeRole(Map.of("QUARKUS_DATASOURCE_JDBC_URL", url)),
                    PostgresServer.declaredStandby("siteb"))) {
                assertEquals(200, app.awaitReady(), app.output());
                UUID webinar = seed(primary);
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                Set<String> acknowledged = new HashSet<>();
                List<String> log = new ArrayList<>();
                int n = 0;
                while (acknowledged.size() < 30) {
                    n++;
                    if (register(client, app, webinar, n).status() == 202) {
                        acknowledged.add("site" + n + "@example.org");
                    }
                }
                String before = health(client, app);
                assertTrue(before.contains("\"standby.siteb\": \"sync, streaming"), before);
                assertTrue(before.contains("\"synchronous\": true"), before);
                assertTrue(before.contains("\"primary site\": \"primary\"") && before.contains("\"last failover\": \"none\""), before);
                primary.kill();
                Instant killed = Instant.now();
                Thread.sleep(1000); // the operator (or automation) notices and promotes
                standby.promoteAlone();
                Instant firstWriteAfter = null;
                int afterPromotion = 0;
                Instant deadline = Instant.now().plusSeconds(60);
                while (afterPromotion < 10 && Instant.now().isBefore(deadline)) {
                    n++;
                    Answer answer = register(client, app, webinar, n);
                    int status = answer.status();
                    log.add(n + ":" + status);
                    if (status == 202) {
                        acknowledged.add("site" + n + "@example.org");
                        afterPromotion++;
                        if (firstWriteAfter == null) {
                            firstWriteAfter = Instant.now();
                        }
                    } else {
                        // As documented: a quick, retryable problem, never a 500 (nor a hang).
                        assertEquals(503, status, "during failover: " + answer + "\n" + app.output());
                        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.toString());
                        assertTrue(answer.body().contains("urn:plenum:problem:database-unavailable"), answer.toString());
                        assertTrue(answer.retryAfter().isPresent(), "Retry-After on a 503: " + answer);
                        Thread.sleep(200);
                    }
                }
                assertTrue(firstWriteAfter != null, "no write succeeded after promotion: " + log + "\n" + app.output());
                System.out.printf("BENCH failover: kill -> first acknowledged write %d ms (promotion after 1000 ms); statuses %s%n",
                        Duration.between(killed, firstWriteAfter).toMillis(), log);
                Set<String> stored = stored(standby, webinar);
                Set<String> lost = new HashSet<>(acknowledged);
                lost.removeAll(stored);
                assertEquals(Set.of(), lost, "acknowledged registrations lost (RPO must be 0)");
                assertTrue(app.process().isAlive(), "the app restarted or died");
                String after = health(client, app);
                Instant noticed = Instant.now().plusSeconds(10); // the timeline watch runs every second
                while (!after.contains("siteb promoted") && Instant.now().isBefore(noticed)) {
                    Thread.sleep(200);
                    after = health(client, app);
                }
                assertTrue(after.contains("\"role\": \"primary\"") && after.contains("\"synchronous\": false")
                        && after.contains("\"standbys\": 0"), "degraded state must be visible: " + after);
                assertTrue(after.contains("\"primary site\": \"siteb\""), "the site now primary is named: " + after);
                assertTrue(after.matches("(?s).*\"last failover\": \"[^\"]*: siteb promoted, timeline 2\".*"), "the failover is recorded: " + after);
                String metrics = client.send(HttpRequest.newBuilder(URI.create(app.url("/q/metrics"))).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(metrics.lines().anyMatch(line -> line.startsWith("plenum_replication_last_failover_seconds ")
                        && !line.endsWith(" 0.0")), "last failover is a metric");
                assertTrue(metrics.contains("plenum_replication_primary{site=\"siteb\"} 1.0"), "the primary site is a metric");
            }
        }
    }

    private static String health(HttpClient client, PackagedJar app) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(app.url("/q/health/ready"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** What the app answered to one registration (status -1: no answer at all). */
    private record Answer(int status, String contentType, java.util.Optional<String> retryAfter, String body) {
    }

    private static Answer register(HttpClient client, PackagedJar app, UUID webinar, int n) {
        String json = "{\"name\":\"Site " + n + "\",\"email\":\"site" + n + "@example.org\",\"privacyAcknowledged\":true}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.url("/api/public/webinars/" + webinar + "/registrations")))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After"), response.body());
        } catch (Exception e) {
            return new Answer(-1, "", java.util.Optional.empty(), e.toString());
        }
    }


    private static Set<String> stored(PostgresServer server, UUID webinar) throws Exception {
        Set<String> emails = new HashSet<>();
        try (Connection connection = server.connect("plenum");
                PreparedStatement query = connection.prepareStatement("SELECT email FROM registration WHERE webinar_id = ?")) {
            query.setObject(1, webinar);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    emails.add(rows.getString(1));
                }
            }
        }
        return emails;
    }

    private static UUID seed(PostgresServer primary) throws Exception {
        try (Connection connection = primary.connect("plenum")) {
            return SqlSeed.webinarWithOneSession(connection, "sites", "Failover", OffsetDateTime.now(ZoneOffset.UTC).plusDays(10));
        }
    }
}
