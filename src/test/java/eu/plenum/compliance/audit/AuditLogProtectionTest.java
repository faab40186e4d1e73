package eu.plenum.compliance.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import eu.plenum.testsupport.PlenumTestServers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The app connects as the runtime role, which owns no table: it can append to the audit log and
 * read it, and nothing else — no update, delete or truncate, and no switching the protection off.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class AuditLogProtectionTest {

    @Inject
    AgroalDataSource app;
    @Inject
    AuditTrail trail;
    @Inject
    AuditVerification verification;
    @Inject
    AuditLogRetention retention;

    @Test
    void theAppRunsAsARoleThatOwnsNothing() throws SQLException {
        try (Connection connection = app.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),"
                        + " (SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = current_user)")) {
            row.next();
            assertEquals("plenum_app", row.getString(1));
            assertEquals(false, row.getBoolean(2));
            assertEquals(0, row.getLong(3), "the runtime role owns no table, sequence or index");
        }
    }

    @Test
    void theAppsRoleCannotChangeTheLogNorDisableItsProtection() throws SQLException {
        trail.recordAlone(AuditEntry.of("test.protection", "system:test", null));
        for (String table : List.of("compliance_audit_entry", "compliance_audit_checkpoint", "compliance_audit_chain", "transfer_log")) {
            for (String attack : List.of("ALTER TABLE " + table + " DISABLE TRIGGER USER", "ALTER TABLE " + table + " DISABLE TRIGGER ALL",
                    "UPDATE " + table + " SET created_at = created_at".replace("created_at", column(table)),
                    "DELETE FROM " + table, "TRUNCATE " + table, "DROP TABLE " + table,
                    "ALTER TABLE " + table + " OWNER TO plenum_app")) {
                try (Connection connection = app.getConnection(); Statement statement = connection.createStatement()) {
                    SQLException refused = assertThrows(SQLException.class, () -> statement.execute(attack), attack);
                    assertTrue(refused.getMessage().contains("permission denied") || refused.getMessage().contains("must be owner"),
                            attack + ": " + refused.getMessage());
                }
            }
        }
        try (Connection connection = app.getConnection(); Statement statement = connection.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> statement.execute("SET session_replication_role = replica"));
            assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        }
        assertTrue(verification.verify().ok());
    }

    @Test
    void retentionMayPruneOnlyEntriesOlderThanTwoYears() throws SQLException {
        trail.recordAlone(AuditEntry.of("test.protection", "system:test", null));
        try (Connection connection = app.getConnection(); Statement statement = connection.createStatement();
                ResultSet removed = statement.executeQuery("SELECT compliance_audit_prune(now() + interval '1 day', 1000),"
                        + " transfer_log_prune(NULL, now() + interval '1 day', 1000)")) {
            removed.next();
            assertEquals(0, removed.getLong(1), "a cut-off in the future still keeps two years");
            assertEquals(0, removed.getLong(2));
        }
        java.time.Instant tomorrow = java.time.Instant.now().plus(java.time.Duration.ofDays(1));
        assertEquals("audit-log", retention.category());
        assertEquals(0, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> retention.countDue(null, tomorrow)));
        assertEquals(0, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> retention.removeDue(null, tomorrow, 1000)));
        assertTrue(verification.verify().ok());
    }

    @Test
    void appendsFromTwoNodesAtOnceKeepOneUnbrokenChain() throws Exception {
        long before = count();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String node : List.of("node-a", "node-b")) {
                running.add(nodes.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        trail.recordAlone(AuditEntry.of("test.concurrent", "system:" + node, "acme").with(Map.of("i", Integer.toString(i))));
                    }
                }));
            }
            for (Future<?> each : running) {
                each.get(120, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }
        assertTrue(count() >= before + 200);
        AuditVerdict verdict = verification.verify();
        assertTrue(verdict.ok(), verdict.explanation());
        try (Connection connection = app.getConnection(); Statement statement = connection.createStatement();
                ResultSet dense = statement.executeQuery("SELECT max(seq) - min(seq) + 1 = count(*) FROM compliance_audit_entry")) {
            dense.next();
            assertTrue(dense.getBoolean(1), "seq has no gap");
        }
    }

    private long count() throws SQLException {
        try (Connection connection = app.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM compliance_audit_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String column(String table) {
        return switch (table) {
            case "compliance_audit_entry" -> "actor";
            case "compliance_audit_checkpoint" -> "pruned_at";
            case "transfer_log" -> "purpose";
            default -> "created_at";
        };
    }
}
