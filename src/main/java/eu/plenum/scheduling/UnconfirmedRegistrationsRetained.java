package eu.plenum.scheduling;

import eu.plenum.shared.RetainedData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Registrations never confirmed (category {@code unconfirmed-registrations}, by creation time): nobody
 * proved the address, so after the rule's days they go with their answers, devices and consent records.
 */
@ApplicationScoped
public class UnconfirmedRegistrationsRetained implements RetainedData {

    /** Looked up when used: an edge node has no persistence unit. */
    private final Instance<EntityManager> databases;

    UnconfirmedRegistrationsRetained(Instance<EntityManager> databases) {
        this.databases = databases;
    }

    @Override
    public String category() {
        return "unconfirmed-registrations";
    }

    @Override
    @Transactional
    public long countDue(String tenantId, Instant cutOff) {
        return ((Number) databases.get().createNativeQuery("""
                SELECT count(*) FROM registration WHERE tenant_id = ?1 AND status = 'UNCONFIRMED' AND created_at < ?2""")
                .setParameter(1, tenantId).setParameter(2, Timestamp.from(cutOff)).getSingleResult()).longValue();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int removeDue(String tenantId, Instant cutOff, int limit) {
        EntityManager database = databases.get();
        @SuppressWarnings("unchecked")
        List<Object> ids = database.createNativeQuery("""
                SELECT id FROM registration WHERE tenant_id = ?1 AND status = 'UNCONFIRMED' AND created_at < ?2
                ORDER BY created_at LIMIT ?3 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, tenantId).setParameter(2, Timestamp.from(cutOff)).setParameter(3, limit).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        database.createNativeQuery("DELETE FROM consent_record WHERE subject_kind = 'REGISTRATION' AND subject_id IN (?1)")
                .setParameter(1, ids).executeUpdate();
        // Answers and attendee sessions go by ON DELETE CASCADE.
        return database.createNativeQuery("DELETE FROM registration WHERE id IN (?1)").setParameter(1, ids).executeUpdate();
    }
}
