package eu.plenum.residency;

import eu.plenum.shared.RetainedData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Transfer-log rows (category {@code transfer-log}) past their retention. The log's trigger (V044)
 * refuses to delete anything younger than two years by the database's own clock, so that floor holds
 * here too whatever the cut-off says: no batch ever meets the trigger's refusal.
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
        return databases.get().createNativeQuery("DELETE FROM transfer_log WHERE id IN (SELECT id " + DUE
                + " ORDER BY id LIMIT ?3 FOR UPDATE SKIP LOCKED)")
                .setParameter(1, tenantId).setParameter(2, Timestamp.from(cutOff)).setParameter(3, limit).executeUpdate();
    }
}
