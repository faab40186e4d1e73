package eu.plenum.mail.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The outbox; due mails are claimed with row locks that other nodes skip. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxMail, UUID> {

    /** Inserts unless a mail with the same purpose exists; true when queued. */
    public boolean enqueueOnce(OutboxMail mail, String dedupeKey) {
        int inserted = getEntityManager().createNativeQuery("""
                INSERT INTO mail_outbox (id, tenant_id, dedupe_key, recipient, subject, body_text, body_html, calendar,
                    calendar_method, send_after, attempts, created_at)
                VALUES (:id, :tenant, :key, :recipient, :subject, :text, :html, :calendar, :method, :after, 0, now())
                ON CONFLICT (dedupe_key) DO NOTHING""")
                .setParameter("id", mail.id())
                .setParameter("tenant", mail.tenantId())
                .setParameter("key", dedupeKey)
                .setParameter("recipient", mail.recipient())
                .setParameter("subject", mail.subject())
                .setParameter("text", mail.bodyText())
                .setParameter("html", mail.bodyHtml())
                .setParameter("calendar", mail.calendar())
                .setParameter("method", mail.calendarMethod())
                .setParameter("after", mail.sendAfterUtc())
                .executeUpdate();
        return inserted == 1;
    }

    /** Locks up to {@code limit} due, unsent mails; rows locked by another node are skipped. */
    @SuppressWarnings("unchecked")
    public List<OutboxMail> claimDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM mail_outbox WHERE sent_at IS NULL AND send_after <= :now
                ORDER BY send_after LIMIT :limit FOR UPDATE SKIP LOCKED""", OutboxMail.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("limit", limit)
                .getResultList();
    }
}
