package eu.plenum.compliance.audit;

import eu.plenum.shared.RetainedData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Retention of the audit log (category {@value #CATEGORY}, two years): the log is one chain across
 * tenants, so what goes is always its oldest part, whole. The owner's {@code compliance_audit_prune}
 * (V041) removes entries older than the cut-off and never younger than two years by the database's
 * clock, and records where the chain now starts, so the rest stays verifiable. The tenant argument
 * only narrows the count the console shows; the removal prunes the chain's due prefix for everyone.
 */
@ApplicationScoped
public class AuditLogRetention implements RetainedData {

    static final String CATEGORY = "audit-log";

    private final Instance<EntityManager> entityManager;

    AuditLogRetention(Instance<EntityManager> entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String category() {
        return CATEGORY;
    }

    @Override
    @Transactional
    public long countDue(String tenantId, Instant cutOff) {
        // The due prefix: entries before the first one that must stay (younger than the cut-off or two years).
        return ((Number) entityManager.get().createNativeQuery("""
                SELECT count(*) FROM compliance_audit_entry
                WHERE tenant_id IS NOT DISTINCT FROM CAST(?1 AS varchar)
                  AND seq < coalesce((SELECT min(seq) FROM compliance_audit_entry
                                      WHERE recorded_at >= least(?2, now() - interval '2 years')),
                                     (SELECT max(seq) FROM compliance_audit_entry))""")
                .setParameter(1, tenantId).setParameter(2, Timestamp.from(cutOff)).getSingleResult()).longValue();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int removeDue(String tenantId, Instant cutOff, int limit) {
        return ((Number) entityManager.get().createNativeQuery("SELECT compliance_audit_prune(?1, ?2)")
                .setParameter(1, Timestamp.from(cutOff)).setParameter(2, limit).getSingleResult()).intValue();
    }
}
