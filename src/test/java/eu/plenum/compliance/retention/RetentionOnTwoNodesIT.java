package eu.plenum.compliance.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.plenum.testsupport.ExternalDatabase;
import eu.plenum.testsupport.PackagedJar;
import eu.plenum.testsupport.SqlSeed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two packaged app nodes on one database, both running retention every second in batches of two: data
 * seeded as already old (the packaged jars' clocks cannot be moved, so the rows are dated back instead)
 * is removed exactly once — the stored runs of both nodes add up to what was seeded, and both nodes ran.
 */
class RetentionOnTwoNodesIT {

    private static final int UNCONFIRMED = 60;
    private static final int EVENTS = 60;

    @Test
    void twoNodesRemoveEachDueItemOnce() throws Exception {
        try (ExternalDatabase database = ExternalDatabase.start()) {
            Map<String, String> env = database.asRuntimeRole(Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                    "PLENUM_COMPLIANCE_SUBJECT_KEY", "retention-two-nodes-subject-key-" + UUID.randomUUID(),
                    "PLENUM_COMPLIANCE_RETENTION_EVERY", "1s", "PLENUM_COMPLIANCE_RETENTION_FIRST_AFTER", "1s",
                    "PLENUM_COMPLIANCE_RETENTION_BATCH_SIZE", "2"));
            try (PackagedJar first = PackagedJar.start("retention-node-1", env, Map.of());
                    PackagedJar second = PackagedJar.start("retention-node-2", env, Map.of())) {
                assertEquals(200, first.awaitReady(), first.output());
                assertEquals(200, second.awaitReady(), second.output());
                seed(database);
                Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
                while (remaining(database) > 0 && Instant.now().isBefore(deadline)) {
                    Thread.sleep(500);
                }
                assertEquals(0, remaining(database), "everything due was removed");
                while (database.count("SELECT count(DISTINCT node_id) FROM compliance_retention_run") < 2
                        && Instant.now().isBefore(deadline)) {
                    Thread.sleep(500);
                }
                Thread.sleep(3000); // both nodes keep running: a second removal would be counted now
                assertEquals(2, database.count("SELECT count(DISTINCT node_id) FROM compliance_retention_run"), "both nodes ran");
                assertEquals(UNCONFIRMED, database.count("SELECT coalesce(sum(removed), 0) FROM compliance_retention_run_count "
                        + "WHERE tenant_id = 'retnodes' AND category = 'unconfirmed-registrations'"));
                assertEquals(EVENTS, database.count("SELECT coalesce(sum(removed), 0) FROM compliance_retention_run_count "
                        + "WHERE tenant_id = 'retnodes' AND category = 'live-events'"));
                assertEquals(2, database.count("SELECT count(*) FROM registration WHERE tenant_id = 'retnodes'"), "confirmed ones stay");
                assertEquals(database.count("SELECT count(*) FROM compliance_retention_run"),
                        database.count("SELECT count(*) FROM compliance_audit_entry WHERE action = 'retention.run'"), "every run audited");
            }
        }
    }

    private static long remaining(ExternalDatabase database) throws Exception {
        return database.count("SELECT count(*) FROM registration WHERE tenant_id = 'retnodes' AND status = 'UNCONFIRMED'")
                + database.count("SELECT count(*) FROM live_event WHERE tenant_id = 'retnodes'");
    }

    /** A session that ended 100 days ago with chat, and registrations left unconfirmed for 10 days. */
    private static void seed(ExternalDatabase database) throws Exception {
        try (Connection connection = database.connect()) {
            UUID webinar = SqlSeed.webinarWithOneSession(connection, "retnodes", "Two nodes",
                    OffsetDateTime.now(ZoneOffset.UTC).minusDays(100));
            UUID session;
            try (PreparedStatement find = connection.prepareStatement("SELECT id FROM webinar_session WHERE webinar_id = ?")) {
                find.setObject(1, webinar);
                try (var rows = find.executeQuery()) {
                    rows.next();
                    session = rows.getObject(1, UUID.class);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO registration (id, webinar_id, tenant_id, name, email, email_normalized, status,
                        privacy_acknowledged_at, confirm_expires_at, created_at)
                    VALUES (?, ?, 'retnodes', ?, ?, ?, ?, now(), now(), now() - interval '10 days')""")) {
                for (int i = 0; i < UNCONFIRMED + 2; i++) {
                    String email = "node" + i + "@retention.example";
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, webinar);
                    insert.setString(3, "Node " + i);
                    insert.setString(4, email);
                    insert.setString(5, email);
                    insert.setString(6, i < UNCONFIRMED ? "UNCONFIRMED" : "REGISTERED");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO live_event (session_id, id, tenant_id, type, audience, payload, created_at)
                    VALUES (?, ?, 'retnodes', 'chat.message', 'EVERYONE', '{"text": "old"}'::jsonb, now() - interval '100 days')""")) {
                for (int i = 1; i <= EVENTS; i++) {
                    insert.setObject(1, session);
                    insert.setLong(2, i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }
}
