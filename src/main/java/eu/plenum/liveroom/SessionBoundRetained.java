package eu.plenum.liveroom;

import eu.plenum.shared.RetainedData;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * A live-room table whose rows are due some days after their session ended (chat and the event log,
 * questions, votes, hands): rows are deleted in batches under {@code FOR UPDATE SKIP LOCKED}, by
 * {@code ctid} so that tables with composite keys need no key juggling.
 */
abstract class SessionBoundRetained implements RetainedData {

    /** Looked up when used: an edge node has no persistence unit. */
    private final Instance<EntityManager> databases;
    private final String table;

    /** For the container's client proxy only. */
    SessionBoundRetained() {
        this(null, null);
    }

    SessionBoundRetained(Instance<EntityManager> databases, String table) {
        this.databases = databases;
        this.table = table;
    }

    @Override
    @Transactional
    public long countDue(String tenantId, Instant cutOff) {
        return ((Number) databases.get().createNativeQuery("SELECT count(*) FROM " + table + " t JOIN webinar_session s ON s.id = t.session_id"
                + " WHERE t.tenant_id = ?1 AND s.ends_at < ?2")
                .setParameter(1, tenantId).setParameter(2, Timestamp.from(cutOff)).getSingleResult()).longValue();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int removeDue(String tenantId, Instant cutOff, int limit) {
        return databases.get().createNativeQuery("DELETE FROM " + table + " WHERE ctid = ANY(ARRAY(SELECT t.ctid FROM " + table
                + " t JOIN webinar_session s ON s.id = t.session_id WHERE t.tenant_id = ?1 AND s.ends_at < ?2"
                + " LIMIT ?3 FOR UPDATE OF t SKIP LOCKED))")
                .setParameter(1, tenantId).setParameter(2, Timestamp.from(cutOff)).setParameter(3, limit).executeUpdate();
    }
}
