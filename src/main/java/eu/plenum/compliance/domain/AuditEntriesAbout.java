package eu.plenum.compliance.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log's entries about one person (their keyed hash), for their export: what was done and
 * when, by staff or by a job — not which staff account, and no hashes of the chain.
 */
@ApplicationScoped
public class AuditEntriesAbout {

    private final Instance<EntityManager> databases;

    AuditEntriesAbout(Instance<EntityManager> databases) {
        this.databases = databases;
    }

    /** Oldest first; caller's transaction. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> of(String tenantId, String subjectKey) {
        List<Object[]> rows = databases.get().createNativeQuery("""
                SELECT seq, recorded_at, action, actor, target, details::text FROM compliance_audit_entry
                WHERE subject_key = :key AND tenant_id = :tenant ORDER BY seq""")
                .setParameter("key", subjectKey).setParameter("tenant", tenantId).getResultList();
        return rows.stream().map(row -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("entry", ((Number) row[0]).longValue());
            item.put("recordedAt", SubjectRequestRepository.instant(row[1]).toString());
            item.put("action", row[2]);
            item.put("by", ((String) row[3]).startsWith("system:") ? row[3] : "staff");
            item.put("target", row[4]);
            item.put("details", row[5]);
            return item;
        }).toList();
    }
}
