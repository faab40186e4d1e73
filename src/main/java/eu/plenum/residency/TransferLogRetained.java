package eu.plenum.residency;

import eu.plenum.shared.RetainedData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Transfer-log rows (category {@code transfer-log}) past their retention. The log is append-only for
 * the app's role; only the owner's {@code transfer_log_prune} (V041) deletes, and never anything
 * younger than two years by the database's own clock — the same floor the count applies here.
 */
@ApplicationScoped
public class TransferLogRetained implements RetainedData {

    private static final String DUE = "FROM transfer_log WHERE coalesce(tenant_id, '') = ?1 AND occurred_at < ?2"
            + " AND occurred_at < now() - interval '730 days'";

    /** Looked up when used: an edge node has no persistence unit. */
    private final Instance<EntityManager> databases;

    TransferLogRetained(Instance<EntityManager> databases) {
        this.databases = databases;
    }

    @Override
    public String category() {
        return "transfer-log";
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
        return ((Number) databases.get().createNativeQuery("SELECT transfer_log_prune(CAST(?1 AS varchar), ?2, ?3)")
                .setParameter(1, tenantId).setParameter(2, Timestamp.from(cutOff)).setParameter(3, limit)
                .getSingleResult()).intValue();
    }
}
