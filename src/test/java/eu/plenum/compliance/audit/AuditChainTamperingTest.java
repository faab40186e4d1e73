package eu.plenum.compliance.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import eu.plenum.testsupport.PlenumTestServers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tampers with the audit log directly in SQL, as only the schema owner could (it switches the
 * triggers off first), and checks that verification names the row and the kind of change. Each
 * test holds the chain's head lock meanwhile, so no append slips in, and puts the rows back after.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class AuditChainTamperingTest {

    @Inject
    AuditTrail trail;
    @Inject
    AuditVerification verification;
    @Inject
    AuditAnchorJob anchoring;

    private Connection owner;
    private long first;

    @BeforeEach
    void appendFiveAndLock() throws SQLException {
        for (int i = 0; i < 5; i++) {
            trail.recordAlone(AuditEntry.of("test.tamper", "system:test", "acme").on("item:" + i)
                    .with(Map.of("n", Integer.toString(i), "run", UUID.randomUUID().toString())));
        }
        owner = PlenumTestServers.ownerConnection();
        sql("SELECT pg_advisory_lock(" + ChainedAuditTrail.HEAD_LOCK + ")");
        assertTrue(verification.verify().ok(), "the chain is intact before the test tampers with it");
        first = single("SELECT max(seq) - 4 FROM compliance_audit_entry");
        sql("CREATE TEMP TABLE original AS SELECT * FROM compliance_audit_entry WHERE seq >= " + first);
    }

    @AfterEach
    void restoreAndUnlock() throws SQLException {
        try {
            sql("ALTER TABLE compliance_audit_entry DISABLE TRIGGER USER");
            sql("DELETE FROM compliance_audit_entry WHERE seq >= " + first);
            sql("INSERT INTO compliance_audit_entry SELECT * FROM original");
            sql("ALTER TABLE compliance_audit_entry ENABLE TRIGGER USER");
            assertTrue(verification.verify().ok(), "the chain is whole again after the test");
        } finally {
            sql("SELECT pg_advisory_unlock_all()");
            owner.close();
        }
    }

    @Test
    void anEditedColumnIsFoundAtItsRow() throws SQLException {
        tamper("UPDATE compliance_audit_entry SET actor = 'someone-else' WHERE seq = " + (first + 2));
        assertBroken(first + 2, AuditVerdict.Kind.EDITED);
    }

    @Test
    void editedDetailsAreFoundToo() throws SQLException {
        tamper("UPDATE compliance_audit_entry SET details = details || '{\"n\": \"99\"}' WHERE seq = " + (first + 1));
        assertBroken(first + 1, AuditVerdict.Kind.EDITED);
    }

    @Test
    void aDeletedMiddleRowIsFoundAtItsSeq() throws SQLException {
        tamper("DELETE FROM compliance_audit_entry WHERE seq = " + (first + 2));
        assertBroken(first + 2, AuditVerdict.Kind.DELETED);
    }

    @Test
    void twoSwappedRowsAreFoundAsReordered() throws SQLException {
        long a = first + 1;
        long b = first + 2;
        tamper("UPDATE compliance_audit_entry SET seq = 999999999 WHERE seq = " + a,
                "UPDATE compliance_audit_entry SET seq = " + a + " WHERE seq = " + b,
                "UPDATE compliance_audit_entry SET seq = " + b + " WHERE seq = 999999999");
        assertBroken(a, AuditVerdict.Kind.REORDERED);
    }

    @Test
    void deletingTheNewestEntriesAfterAnAnchorIsFound() throws SQLException {
        long head = first + 4;
        // Anchors the head unless the scheduled job already did.
        anchoring.anchorNow();
        tamper("DELETE FROM compliance_audit_entry WHERE seq >= " + (head - 1));
        AuditVerdict verdict = assertBroken(head - 1, AuditVerdict.Kind.TRUNCATED_AFTER_ANCHOR);
        assertEquals(head, verdict.anchoredSeq());
        assertEquals(head - 2, verdict.headSeq(), "without the anchor the shortened chain would look whole");
    }

    @Test
    void theOwnerMeetsTheTriggersWhileTheyAreOn() throws SQLException {
        for (String change : List.of("UPDATE compliance_audit_entry SET actor = 'x' WHERE seq = " + first,
                "DELETE FROM compliance_audit_entry WHERE seq = " + first, "TRUNCATE compliance_audit_entry")) {
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> sql(change));
            assertTrue(refused.getMessage().contains("compliance_audit_entry is append-only"), refused.getMessage());
        }
    }

    private AuditVerdict assertBroken(long seq, AuditVerdict.Kind kind) {
        AuditVerdict verdict = verification.verify();
        assertFalse(verdict.ok(), verdict.explanation());
        assertNotNull(verdict.brokenSeq());
        assertEquals(seq, verdict.brokenSeq(), verdict.explanation());
        assertEquals(kind, verdict.kind(), verdict.explanation());
        return verdict;
    }

    private void tamper(String... changes) throws SQLException {
        sql("ALTER TABLE compliance_audit_entry DISABLE TRIGGER USER");
        for (String change : changes) {
            sql(change);
        }
        sql("ALTER TABLE compliance_audit_entry ENABLE TRIGGER USER");
    }

    private void sql(String sql) throws SQLException {
        try (Statement statement = owner.createStatement()) {
            statement.execute(sql);
        }
    }

    private long single(String sql) throws SQLException {
        try (Statement statement = owner.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
