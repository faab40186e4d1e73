package eu.plenum.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.FreePorts;
import eu.plenum.testsupport.ProjectPaths;
import eu.plenum.testsupport.SqlSeed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The operator's one-command two-site setup ({@code deploy/sites/two-sites}): namespaces for site A, site B
 * and the witness joined by veth links, an etcd member in each, Patroni-managed PostgreSQL at A (leader)
 * and B (synchronous standby, streaming over the link), a Plenum instance per site. Registrations go
 * through site A's app; the primary site's database is killed; with no operator command Patroni promotes
 * B and brings A back as B's synchronous standby; site A's app keeps serving (now over the link) without a
 * restart, never answers 500, and no acknowledged registration is lost; a planned {@code switchover}
 * (patronictl) hands the primary back to A; {@code down} leaves no namespace and no process behind.
 */
class TwoSitesIT {

    private static final Path SCRIPT = ProjectPaths.root().resolve("deploy/sites/two-sites");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String name = "pt" + ProcessHandle.current().pid();
    private final Map<String, String> env = new HashMap<>();

    @Test
    void bothSitesComeUpReplicateOverTheLinkFailOverAndStopCleanly() throws Exception {
        int httpA = FreePorts.next();
        int pgA = FreePorts.next();
        env.putAll(Map.of("PLENUM_SITES_NAME", name, "PLENUM_SITES_DIR", "/tmp/" + name + "-two-sites",
                "PLENUM_JAR", System.getProperty("plenum.runner.jar", ProjectPaths.target("quarkus-app", "quarkus-run.jar").toString()),
                "PLENUM_SITE_A_HTTP", String.valueOf(httpA), "PLENUM_SITE_A_PG", String.valueOf(pgA),
                "PLENUM_SITE_B_HTTP", String.valueOf(FreePorts.next()), "PLENUM_SITE_B_PG", String.valueOf(FreePorts.next()),
                // This JVM's own java: JAVA_HOME in a test fork names the loopback wrapper.
                "PLENUM_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        try {
            String up = script(300, "up");
            assertTrue(up.contains("up: site A http://127.0.0.1:" + httpA), up);

            String sites = script(30, "status");
            assertTrue(sites.contains("primary: site a (eu-fra)"), sites);
            assertTrue(sites.contains("standby site_b from 10.251.0.2: streaming, sync"),
                    "site B streams over the private link, synchronously: " + sites);
            assertTrue(sites.matches("(?s).*\\| site_a \\| 10\\.251\\.0\\.1 \\| Leader .*\\| site_b \\| 10\\.251\\.0\\.2 \\| Sync Standby .*"),
                    "Patroni's view: A leads, B is the synchronous standby: " + sites);
            assertTrue(sites.contains("app site a: /q/health/ready 200") && sites.contains("app site b: /q/health/ready 200"), sites);
            String routes = script(30, "exec", "b", "ip", "-o", "addr");
            assertTrue(routes.contains("inet 10.251.0.2/32"), routes);
            assertFalse(routes.lines().anyMatch(line -> line.contains("inet ") && !line.contains("inet 127.0.0.1/")
                    && !line.contains("inet 10.251.0.2/")), "site B has only loopback and its site address: " + routes);

            String jdbcA = "jdbc:postgresql://127.0.0.1:" + pgA + "/plenum";
            UUID webinar;
            try (Connection connection = DriverManager.getConnection(jdbcA, "postgres", superuserPassword())) {
                webinar = SqlSeed.webinarWithOneSession(connection, "sites", "Two sites", OffsetDateTime.now(ZoneOffset.UTC).plusDays(5));
            }
            Set<String> acknowledged = new HashSet<>();
            int n = 0;
            while (acknowledged.size() < 20) {
                n++;
                if (register(httpA, webinar, n) == 202) {
                    acknowledged.add("two" + n + "@example.org");
                }
            }

            assertTrue(script(30, "kill-primary").contains("killed the primary PostgreSQL of site a"));
            // No operator command: Patroni promotes B and restarts A as its standby.
            assertTrue(script(300, "wait-synchronous").contains("synchronous: site b leads, site a confirms"));
            String failover = script(60, "status");
            assertTrue(failover.contains("primary: site b (eu-sxb)") && failover.contains("standby site_a from 10.251.0.1: streaming, sync"),
                    "site A came back as the synchronous standby of B: " + failover);

            List<Integer> statuses = new ArrayList<>();
            int afterFailover = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (afterFailover < 10 && System.nanoTime() < deadline) {
                n++;
                int status = register(httpA, webinar, n);
                statuses.add(status);
                if (status == 202) {
                    acknowledged.add("two" + n + "@example.org");
                    afterFailover++;
                } else {
                    Thread.sleep(200);
                }
            }
            assertEquals(10, afterFailover, "site A's app writes to the new primary over the link without a restart: " + statuses);
            assertFalse(statuses.contains(500), "a retryable 503 while the primary moves, never a 500: " + statuses);

            String stored = script(30, "psql", "b", "-t", "-A", "-c", "SELECT email FROM registration WHERE webinar_id = '" + webinar + "'");
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(Set.copyOf(stored.lines().map(String::strip).toList()));
            assertEquals(Set.of(), lost, "acknowledged registrations lost across the failover");
            assertTrue(script(30, "psql", "a", "-t", "-A", "-c", "SELECT pg_is_in_recovery()").strip().endsWith("t"),
                    "the old primary runs only as a standby");

            String switchover = script(300, "switchover", "a");
            assertTrue(switchover.contains("switchover: site a is primary") && switchover.contains("primary: site a (eu-fra)")
                    && switchover.contains("standby site_b from 10.251.0.2: streaming, sync"), "planned switchover back to A: " + switchover);
            assertEquals(202, registerUntilAccepted(httpA, webinar, ++n), "site A's app writes after the switchover");
        } finally {
            String down = script(120, "down");
            assertTrue(down.contains("down: both sites and the witness stopped"), down);
        }
        String namespaces = run(List.of("ip", "netns", "list"), 10);
        assertFalse(namespaces.contains(name + "-a") || namespaces.contains(name + "-b") || namespaces.contains(name + "-w"), namespaces);
        assertFalse(Files.exists(Path.of("/tmp/" + name + "-two-sites")), "state removed");
    }

    private String superuserPassword() throws IOException {
        return Files.readAllLines(Path.of("/tmp/" + name + "-two-sites", "patroni.env")).stream()
                .filter(line -> line.startsWith("PATRONI_SUPERUSER_PASSWORD=")).findFirst().orElseThrow().split("=", 2)[1];
    }

    private int registerUntilAccepted(int port, UUID webinar, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int status = register(port, webinar, n);
        while (status != 202 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = register(port, webinar, n);
        }
        return status;
    }

    private int register(int port, UUID webinar, int n) {
        String json = "{\"name\":\"Two " + n + "\",\"email\":\"two" + n + "@example.org\",\"privacyAcknowledged\":true}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/public/webinars/" + webinar + "/registrations"))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String script(int seconds, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        return run(command, seconds);
    }

    private String run(List<String> command, int seconds) throws Exception {
        Path output = Files.createTempFile("two-sites", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        System.out.println("two-sites " + String.join(" ", command.subList(Math.min(2, command.size()), command.size())) + ":\n" + text);
        assertTrue(ended, String.join(" ", command) + " did not end within " + seconds + " s:\n" + text);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + text);
        return text;
    }
}
