package eu.plenum.compliance.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The runs of the retention job as the console shows them: when, on which node, and counts per tenant and category. */
@ApplicationScoped
public class RetentionRuns {

    /** One run; {@code removed} maps "tenant/category" to a count ('' as tenant: rows of no tenant). */
    public record Run(UUID id, String nodeId, Instant startedAt, Instant finishedAt, long total, Map<String, Integer> removed) {
    }

    /** Looked up when used: an edge node has no persistence unit. */
    private final Instance<EntityManager> databases;

    RetentionRuns(Instance<EntityManager> databases) {
        this.databases = databases;
    }

    /** Stores one run in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void store(Run run) {
        EntityManager database = databases.get();
        database.createNativeQuery("""
                INSERT INTO compliance_retention_run (id, node_id, started_at, finished_at, removed) VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, run.id()).setParameter(2, run.nodeId()).setParameter(3, Timestamp.from(run.startedAt()))
                .setParameter(4, Timestamp.from(run.finishedAt())).setParameter(5, run.total()).executeUpdate();
        run.removed().forEach((key, count) -> {
            int slash = key.indexOf('/');
            database.createNativeQuery("""
                    INSERT INTO compliance_retention_run_count (run_id, tenant_id, category, removed) VALUES (?1, ?2, ?3, ?4)""")
                    .setParameter(1, run.id()).setParameter(2, key.substring(0, slash)).setParameter(3, key.substring(slash + 1))
                    .setParameter(4, count).executeUpdate();
        });
    }

    /** The newest run of each node, newest first; with {@code tenantId} only that tenant's counts. */
    @Transactional
    public List<Run> lastPerNode(String tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = databases.get().createNativeQuery("""
                SELECT DISTINCT ON (node_id) id, node_id, started_at, finished_at, removed FROM compliance_retention_run
                ORDER BY node_id, started_at DESC""").getResultList();
        List<Run> runs = new ArrayList<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            Map<String, Integer> counts = counts(id, tenantId);
            long total = tenantId == null ? ((Number) row[4]).longValue() : counts.values().stream().mapToLong(Integer::longValue).sum();
            runs.add(new Run(id, (String) row[1], instant(row[2]), instant(row[3]), total, counts));
        }
        runs.sort((a, b) -> b.startedAt().compareTo(a.startedAt()));
        return runs;
    }

    private Map<String, Integer> counts(UUID run, String tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = databases.get().createNativeQuery("""
                SELECT tenant_id, category, removed FROM compliance_retention_run_count
                WHERE run_id = ?1 AND (?2 = '*' OR tenant_id = ?2) ORDER BY tenant_id, category""")
                .setParameter(1, run).setParameter(2, tenantId == null ? "*" : tenantId).getResultList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put(row[0] + "/" + row[1], ((Number) row[2]).intValue()));
        return counts;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
