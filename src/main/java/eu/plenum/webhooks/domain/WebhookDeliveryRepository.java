package eu.plenum.webhooks.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The webhook outbox ({@code webhook_delivery}), in plain SQL: claims must use {@code FOR UPDATE SKIP
 * LOCKED}, and every update after a claim holds only if the claim is still this node's.
 */
@ApplicationScoped
public class WebhookDeliveryRepository {

    /** A delivery a node claimed: send it, then record the outcome under the claim. */
    public record Claimed(UUID id, UUID endpointId, String tenantId, String eventType, String payload, int attempts) {
    }

    /** A delivery as the host's API shows it (no payload: it may hold an e-mail address). */
    public record Row(UUID id, UUID eventId, String eventType, String status, int attempts, Integer lastStatus, String lastError,
            OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt) {
    }

    /** Looked up when used: an edge node has no persistence unit, and injecting it directly fails that node's start. */
    private final jakarta.enterprise.inject.Instance<EntityManager> databases;

    WebhookDeliveryRepository(jakarta.enterprise.inject.Instance<EntityManager> databases) {
        this.databases = databases;
    }

    /** Queues one event for every endpoint of the tenant subscribed to its type; returns how many. */
    public int enqueue(String tenantId, UUID eventId, String eventType, String payload, UUID registrationId, Instant now) {
        return database().createNativeQuery("""
                INSERT INTO webhook_delivery (id, endpoint_id, tenant_id, event_id, event_type, payload, registration_id,
                                              next_attempt_at, created_at)
                SELECT gen_random_uuid(), id, tenant_id, :event, :type, :payload, CAST(:registration AS uuid), :now, :now
                FROM webhook_endpoint
                WHERE tenant_id = :tenant AND position(:marker IN ',' || events || ',') > 0""")
                .setParameter("event", eventId).setParameter("type", eventType).setParameter("payload", payload)
                .setParameter("registration", registrationId == null ? null : registrationId.toString()).setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("tenant", tenantId).setParameter("marker", "," + eventType + ",")
                .executeUpdate();
    }

    /**
     * Claims due deliveries: pending ones whose time came, and sending ones whose lease ran out (their
     * node died mid-attempt). Rows another node holds locked are skipped, so two nodes never claim one row.
     */
    @SuppressWarnings("unchecked")
    public List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit, UUID claim) {
        List<Object[]> rows = database().createNativeQuery("""
                UPDATE webhook_delivery SET status = 'SENDING', claim_id = :claim, claimed_until = :until, attempts = attempts + 1
                WHERE id IN (SELECT id FROM webhook_delivery
                    WHERE (status = 'PENDING' AND next_attempt_at <= :now) OR (status = 'SENDING' AND claimed_until < :now)
                    ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING id, endpoint_id, tenant_id, event_type, payload, attempts""")
                .setParameter("claim", claim).setParameter("until", leaseUntil.atOffset(ZoneOffset.UTC))
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new Claimed((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3],
                (String) row[4], ((Number) row[5]).intValue())).toList();
    }

    public void delivered(UUID id, UUID claim, int status, Instant at) {
        database().createNativeQuery("""
                UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = :at, last_status = :status, last_error = NULL,
                    claim_id = NULL, claimed_until = NULL
                WHERE id = :id AND claim_id = :claim""")
                .setParameter("at", at.atOffset(ZoneOffset.UTC)).setParameter("status", status)
                .setParameter("id", id).setParameter("claim", claim).executeUpdate();
    }

    /** Ends the delivery for good: the transfer guard refused the receiver's region. */
    public void refused(UUID id, UUID claim, String reason) {
        database().createNativeQuery("""
                UPDATE webhook_delivery SET status = 'REFUSED', last_status = NULL, last_error = :error, claim_id = NULL, claimed_until = NULL
                WHERE id = :id AND claim_id = :claim""")
                .setParameter("error", cut(reason)).setParameter("id", id).setParameter("claim", claim).executeUpdate();
    }

    /** A failed attempt: pending again at {@code retryAt}, or DEAD once {@code maxAttempts} are used up. */
    public void failed(UUID id, UUID claim, Integer status, String error, Instant retryAt, int maxAttempts) {
        database().createNativeQuery("""
                UPDATE webhook_delivery SET status = CASE WHEN attempts >= :max THEN 'DEAD' ELSE 'PENDING' END,
                    next_attempt_at = :retry, last_status = CAST(:status AS integer), last_error = CAST(:error AS varchar), claim_id = NULL, claimed_until = NULL
                WHERE id = :id AND claim_id = :claim""")
                .setParameter("max", maxAttempts).setParameter("retry", retryAt.atOffset(ZoneOffset.UTC))
                .setParameter("status", status == null ? null : status.toString()).setParameter("error", cut(error))
                .setParameter("id", id).setParameter("claim", claim).executeUpdate();
    }

    /** Deliveries to one endpoint, newest first; the caller has checked that the endpoint is the tenant's. */
    @SuppressWarnings("unchecked")
    public List<Row> ofEndpoint(UUID endpointId, int limit) {
        List<Object[]> rows = database().createNativeQuery("""
                SELECT id, event_id, event_type, status, attempts, last_status, last_error, created_at, next_attempt_at, delivered_at
                FROM webhook_delivery WHERE endpoint_id = :endpoint ORDER BY created_at DESC, id LIMIT :limit""")
                .setParameter("endpoint", endpointId).setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> new Row((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3],
                ((Number) row[4]).intValue(), row[5] == null ? null : ((Number) row[5]).intValue(), (String) row[6],
                offset(row[7]), offset(row[8]), offset(row[9]))).toList();
    }

    /** Puts a dead or refused delivery of the endpoint back in the queue, with fresh attempts; false when there is none such. */
    public boolean redeliver(UUID endpointId, UUID id, Instant now) {
        return database().createNativeQuery("""
                UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now
                WHERE id = :id AND endpoint_id = :endpoint AND status IN ('DEAD', 'REFUSED')""")
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setParameter("id", id).setParameter("endpoint", endpointId)
                .executeUpdate() == 1;
    }

    /** The payloads holding personal data of these registrations (registration.* events), for an export. */
    @SuppressWarnings("unchecked")
    public List<Object[]> ofRegistrations(String tenantId, java.util.Collection<UUID> registrationIds) {
        if (registrationIds.isEmpty()) {
            return List.of();
        }
        return database().createNativeQuery("""
                SELECT id, event_type, status, created_at, payload FROM webhook_delivery
                WHERE tenant_id = :tenant AND registration_id IN (:ids) ORDER BY created_at, id""")
                .setParameter("tenant", tenantId).setParameter("ids", registrationIds).getResultList();
    }

    public int eraseRegistrations(String tenantId, java.util.Collection<UUID> registrationIds) {
        if (registrationIds.isEmpty()) {
            return 0;
        }
        return database().createNativeQuery("DELETE FROM webhook_delivery WHERE tenant_id = :tenant AND registration_id IN (:ids)")
                .setParameter("tenant", tenantId).setParameter("ids", registrationIds).executeUpdate();
    }

    private static OffsetDateTime offset(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    private static String cut(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    private EntityManager database() {
        return databases.get();
    }
}
