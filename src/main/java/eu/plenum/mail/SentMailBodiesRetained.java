package eu.plenum.mail;

import eu.plenum.shared.RetainedData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Bodies of delivered (or given-up) mail (category {@code sent-mail-bodies}, by delivery time): once
 * the relay has the mail, the outbox needs only the row's envelope (recipient, subject, status) for the
 * person's export and its dedupe key, so the text, HTML and calendar are blanked, never the row deleted
 * (a deleted row would let a reminder be queued again under the same key).
 */
@ApplicationScoped
public class SentMailBodiesRetained implements RetainedData {

    private static final String DUE = """
            FROM mail_outbox WHERE coalesce(tenant_id, '') = ?1
              AND ((status = 'SENT' AND sent_at < ?2) OR (status = 'DEAD' AND created_at < ?2))
              AND (body_text <> '' OR body_html <> '' OR calendar IS NOT NULL OR last_error IS NOT NULL)""";

    /** Looked up when used: an edge node has no persistence unit. */
    private final Instance<EntityManager> databases;

    SentMailBodiesRetained(Instance<EntityManager> databases) {
        this.databases = databases;
    }

    @Override
    public String category() {
        return "sent-mail-bodies";
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
        return databases.get().createNativeQuery("""
                UPDATE mail_outbox SET body_text = '', body_html = '', calendar = NULL, last_error = NULL
                WHERE id IN (SELECT id\s""" + DUE + " ORDER BY created_at LIMIT ?3 FOR UPDATE SKIP LOCKED)")
                .setParameter(1, tenantId).setParameter(2, Timestamp.from(cutOff)).setParameter(3, limit).executeUpdate();
    }
}
