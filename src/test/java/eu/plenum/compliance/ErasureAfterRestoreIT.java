package eu.plenum.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PackagedJar;
import eu.plenum.testsupport.PgBackRest;
import eu.plenum.testsupport.PostgresServer;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A restored database backup does not bring an erased person back: the packaged jar runs on Debian's
 * PostgreSQL, a person registers, a full base backup is taken with pgbackrest (as the sites take it:
 * deploy/sites/pgbackrest, WAL archived, encrypted), the person is erased, and that backup is restored with
 * pgbackrest into a fresh data directory (recovery to the end of the backup, not to the latest WAL, which
 * holds the erasure). The jar started on the restored
 * database re-applies the erasure from the list kept outside the database before it serves: at its
 * very first HTTP answer the registration is already gone, the erasure is noted and audited as
 * {@code erasure.reapplied}, and its log says so before Quarkus reports it is listening.
 */
class ErasureAfterRestoreIT {

    private static final String TENANT = "restore-site";
    private static final String EMAIL = "rita.restore@restore.example";

    @Test
    void anErasureIsAppliedAgainAfterABackupFromBeforeItIsRestoredBeforeTheFirstRequest() throws Exception {
        Path lists = Files.createTempDirectory("plenum-erased-subjects");
        try (PgBackRest backRest = PgBackRest.posixRepository(2); PostgresServer site = PostgresServer.single(backRest.archiveSettings())) {
            backRest.createStanza(site);
            UUID webinar;
            try (PackagedJar app = start("restore-before", site, lists)) {
                assertEquals(200, app.awaitReady(), app.output());
                try (Connection connection = site.connect("plenum")) {
                    webinar = SqlSeed.webinarWithOneSession(connection, TENANT, "Restore", OffsetDateTime.now().plusDays(3));
                }
                register(app, webinar);
                assertEquals(1, count(site, "SELECT count(*) FROM registration WHERE email_normalized = ?", EMAIL));
            }
            // The backup is taken with no app running, as before: the registration is committed and in it.
            backRest.backup("full");

            UUID erasure = UUID.randomUUID();
            try (PackagedJar app = start("restore-erase", site, lists)) {
                assertEquals(200, app.awaitReady(), app.output());
                try (Connection connection = site.connect("plenum"); PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO compliance_erasure (id, tenant_id, email, subject_key, requested_by, state)
                        VALUES (?, ?, ?, ?, 'officer-account-id', 'REQUESTED')""")) {
                    // As POST /api/compliance/erasures queues it (that API is ErasureTest's; this jar runs without Keycloak).
                    insert.setObject(1, erasure);
                    insert.setString(2, TENANT);
                    insert.setString(3, EMAIL);
                    insert.setString(4, subjectKey(TENANT, EMAIL));
                    insert.execute();
                }
                awaitCompleted(site, erasure, app);
                assertEquals(0, count(site, "SELECT count(*) FROM registration WHERE email_normalized = ?", EMAIL));
            }
            String listed = Files.readString(lists.resolve("erased-subjects.log"), StandardCharsets.US_ASCII);
            assertTrue(listed.contains(TENANT + " " + subjectKey(TENANT, EMAIL) + " " + erasure), listed);
            assertTrue(!listed.contains(EMAIL), "the list holds the address in clear");
            site.stop();

            try (PostgresServer restored = PostgresServer.restoredBy(into -> backRest.restore(into,
                    List.of("--type=immediate", "--target-action=promote")))) {
                assertEquals(1, count(restored, "SELECT count(*) FROM registration WHERE email_normalized = ?", EMAIL),
                        "the backup is from before the erasure");
                try (PackagedJar app = start("restore-after", restored, lists)) {
                    int first = firstAnswer(app);
                    // The very first HTTP answer: the erasure must already be there again.
                    assertEquals(0, count(restored, "SELECT count(*) FROM registration WHERE email_normalized = ?", EMAIL),
                            "served before the erasure was re-applied (first answer " + first + ")");
                    assertEquals(0, count(restored, "SELECT count(*) FROM mail_outbox WHERE lower(recipient) = ?", EMAIL));
                    assertEquals(1, count(restored, "SELECT count(*) FROM compliance_erased_subject WHERE subject_key = ?",
                            subjectKey(TENANT, EMAIL)));
                    assertEquals(1, count(restored, "SELECT count(*) FROM compliance_audit_entry WHERE action = 'erasure.reapplied' "
                            + "AND target = ?", "erasure:" + erasure));
                    String output = app.output();
                    int reapplied = output.indexOf("Re-applied 1 erasure(s)");
                    int listening = output.indexOf("Listening on");
                    assertTrue(reapplied >= 0 && listening > reapplied, "re-applied before listening:\n" + output);
                    assertEquals(200, app.awaitReady(), output);
                }
                try (PackagedJar again = start("restore-again", restored, lists)) {
                    assertEquals(200, again.awaitReady(), again.output());
                    assertTrue(!again.output().contains("Re-applied"), "a second start re-applies nothing: " + again.output());
                }
            }
        }
    }

    private static PackagedJar start(String log, PostgresServer server, Path lists) {
        return PackagedJar.start(log, PostgresServer.asRuntimeRole(Map.of("QUARKUS_DATASOURCE_JDBC_URL", server.jdbcUrl("plenum"))), Map.of("plenum.compliance.erased-subjects-dir", lists.toString(), "plenum.compliance.erasure-every", "1s"));
    }

    private static void register(PackagedJar app, UUID webinar) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.url("/api/public/webinars/" + webinar + "/registrations")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Rita Restore\",\"email\":\"" + EMAIL
                        + "\",\"privacyAcknowledged\":true,\"recordingConsent\":false}"))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(202, answer.statusCode(), answer.body());
    }

    /** Polls as fast as is polite from the jar's start; returns the status of the first HTTP answer of any kind. */
    private static int firstAnswer(PackagedJar app) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest live = HttpRequest.newBuilder(URI.create(app.url("/q/health/live"))).build();
        for (int i = 0; i < 3000 && app.process().isAlive(); i++) {
            try {
                return client.send(live, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException notYet) {
                Thread.sleep(30);
            }
        }
        throw new AssertionError("the restored jar never answered:\n" + app.output());
    }

    private static void awaitCompleted(PostgresServer site, UUID erasure, PackagedJar app) throws Exception {
        for (int i = 0; i < 600; i++) {
            try (Connection connection = site.connect("plenum");
                    PreparedStatement query = connection.prepareStatement("SELECT state FROM compliance_erasure WHERE id = ?")) {
                query.setObject(1, erasure);
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    if (result.getString(1).equals("COMPLETED")) {
                        return;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the erasure did not complete within 2 minutes:\n" + app.output());
    }

    private static long count(PostgresServer server, String sql, String parameter) throws Exception {
        try (Connection connection = server.connect("plenum"); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** {@code shared.SubjectKeys.of} under the jars' key: HMAC-SHA256 of tenant, newline, normalised address. */
    private static String subjectKey(String tenant, String email) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PackagedJar.subjectKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((tenant + "\n" + email).getBytes(StandardCharsets.UTF_8)));
    }
}
