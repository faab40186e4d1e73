package eu.plenum.mail.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The outbox; due mails are claimed in short transactions (row locks other nodes skip), outcomes recorded by claim. */
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

    /** A claimed mail, detached from any transaction: what the sender needs, no entity. */
    public record Claimed(UUID id, String tenantId, String recipient, String subject, String bodyText, String bodyHtml,
            String calendar, String calendarMethod, int attempts) {
    }

    /**
     * Claims up to {@code limit} due mails (pending, or sending under a claim older than
     * {@code staleBefore}) for {@code claim}, counting the attempt now so that a node dying mid-send
     * still uses one up. Rows another transaction holds are skipped; the caller commits at once.
     */
    @SuppressWarnings("unchecked")
    public List<Claimed> claimDue(Instant now, Instant staleBefore, int limit, UUID claim) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                UPDATE mail_outbox SET status = 'SENDING', claimed_at = :now, claim_id = :claim, attempts = attempts + 1
                WHERE id IN (SELECT id FROM mail_outbox
                    WHERE (status = 'PENDING' AND send_after <= :now) OR (status = 'SENDING' AND claimed_at < :stale)
                    ORDER BY send_after LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING id, tenant_id, recipient, subject, body_text, body_html, calendar, calendar_method, attempts""")
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("stale", staleBefore.atOffset(ZoneOffset.UTC))
                .setParameter("claim", claim)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new Claimed((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], (String) row[6], (String) row[7], ((Number) row[8]).intValue())).toList();
    }

    /** Sent under this claim (a claim taken over by another node in the meantime is left to that node). */
    public void markSent(UUID id, UUID claim, Instant at) {
        getEntityManager().createNativeQuery("""
                UPDATE mail_outbox SET status = 'SENT', sent_at = :at, claimed_at = NULL, claim_id = NULL, last_error = NULL
                WHERE id = :id AND claim_id = :claim""")
                .setParameter("at", at.atOffset(ZoneOffset.UTC)).setParameter("id", id).setParameter("claim", claim)
                .executeUpdate();
    }

    /** A failed attempt: pending again from {@code retryAt}, or DEAD once {@code maxAttempts} are used up. */
    public void markFailed(UUID id, UUID claim, String error, Instant retryAt, int maxAttempts) {
        getEntityManager().createNativeQuery("""
                UPDATE mail_outbox SET status = CASE WHEN attempts >= :max THEN 'DEAD' ELSE 'PENDING' END,
                    send_after = :retry, claimed_at = NULL, claim_id = NULL, last_error = :error
                WHERE id = :id AND claim_id = :claim""")
                .setParameter("max", maxAttempts).setParameter("retry", retryAt.atOffset(ZoneOffset.UTC))
                .setParameter("error", error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter("id", id).setParameter("claim", claim)
                .executeUpdate();
    }

    public long countWaiting() {
        return ((Number) getEntityManager().createNativeQuery(
                "SELECT count(*) FROM mail_outbox WHERE status IN ('PENDING', 'SENDING')").getSingleResult()).longValue();
    }

    public long countDead() {
        return ((Number) getEntityManager().createNativeQuery(
                "SELECT count(*) FROM mail_outbox WHERE status = 'DEAD'").getSingleResult()).longValue();
    }
}
