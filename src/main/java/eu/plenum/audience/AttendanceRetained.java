package eu.plenum.audience;

import eu.plenum.shared.RetainedData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Attendance presences (category {@code attendance}), due by when the device left (or was last seen):
 * the attendance report of an old session then counts nobody, which is what its retention promises.
 */
@ApplicationScoped
public class AttendanceRetained implements RetainedData {

    private static final String DUE = "FROM attendance_presence WHERE tenant_id = ?1 AND coalesce(disconnected_at, last_seen_at) < ?2";

    /** Looked up when used: an edge node has no persistence unit. */
    private final Instance<EntityManager> databases;

    AttendanceRetained(Instance<EntityManager> databases) {
        this.databases = databases;
    }

    @Override
    public String category() {
        return "attendance";
    }

    @Override
    @Transactional
    public long countDue(String tenantId, Instant cutOff) {
        return ((Number) databases.get().createNativeQuery("SELECT count(*) " + DUE)
                .setParameter(1, tenantId).setParameter(2, Timestamp.from(cutOff)).getSingleResult()).longValue();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int removeDue(String tenantId, Instant cutOff, int limit) {
        return databases.get().createNativeQuery("DELETE FROM attendance_presence WHERE id IN (SELECT id " + DUE
                + " LIMIT ?3 FOR UPDATE SKIP LOCKED)")
                .setParameter(1, tenantId).setParameter(2, Timestamp.from(cutOff)).setParameter(3, limit).executeUpdate();
    }
}
