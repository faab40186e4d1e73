package eu.plenum.audience.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Presences and live windows of sessions (plain SQL); every query that reads a tenant's data names the tenant. */
@ApplicationScoped
public class AttendanceRepository {

    /** One presence row: a device's connection to a session's attendee page. */
    public record Presence(UUID id, UUID registrationId, UUID attendeeSessionId, Instant connectedAt, Instant lastSeenAt,
            Instant disconnectedAt) {
    }

    /** A session's live window and whether its attendance is final. */
    public record LiveWindow(UUID sessionId, String tenantId, UUID webinarId, Instant liveFrom, Instant liveUntil, Instant finalAt) {
    }

    /** Looked up when used: an edge node has no persistence unit, and injecting it directly fails that node's start. */
    private final jakarta.enterprise.inject.Instance<EntityManager> databases;

    AttendanceRepository(jakarta.enterprise.inject.Instance<EntityManager> databases) {
        this.databases = databases;
    }

    public void connected(UUID id, String tenantId, UUID webinarId, UUID sessionId, UUID registrationId, UUID attendeeSessionId,
            String nodeId, Instant at) {
        database().createNativeQuery("""
                INSERT INTO attendance_presence (id, tenant_id, webinar_id, session_id, registration_id, attendee_session_id, node_id,
                                                 connected_at, last_seen_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)""")
                .setParameter(1, id).setParameter(2, tenantId).setParameter(3, webinarId).setParameter(4, sessionId)
                .setParameter(5, registrationId).setParameter(6, attendeeSessionId).setParameter(7, nodeId)
                .setParameter(8, utc(at)).executeUpdate();
    }

    public void disconnected(UUID id, Instant at) {
        database().createNativeQuery("""
                UPDATE attendance_presence SET disconnected_at = greatest(connected_at, ?2), last_seen_at = greatest(connected_at, ?2)
                WHERE id = ?1 AND disconnected_at IS NULL""")
                .setParameter(1, id).setParameter(2, utc(at)).executeUpdate();
    }

    /** The heartbeat of this node's open streams, one statement for all of them. */
    public int seen(Collection<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        // One array parameter, not one bind parameter per stream: a node may serve more streams than PostgreSQL takes parameters.
        String array = ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
        return database().createNativeQuery(
                        "UPDATE attendance_presence SET last_seen_at = ?2 WHERE id = ANY(CAST(?1 AS uuid[])) AND disconnected_at IS NULL")
                .setParameter(1, array).setParameter(2, utc(at)).executeUpdate();
    }

    /** Closes presences whose node stopped renewing them (it died): they end at their last heartbeat. */
    public int closeSilent(Instant silentSince) {
        return database().createNativeQuery("""
                UPDATE attendance_presence SET disconnected_at = last_seen_at
                WHERE disconnected_at IS NULL AND last_seen_at < ?1""")
                .setParameter(1, utc(silentSince)).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<Presence> ofSessionForTenant(String tenantId, UUID sessionId) {
        List<Object[]> rows = database().createNativeQuery("""
                SELECT id, registration_id, attendee_session_id, connected_at, last_seen_at, disconnected_at
                FROM attendance_presence WHERE tenant_id = ?1 AND session_id = ?2 ORDER BY connected_at, id""")
                .setParameter(1, tenantId).setParameter(2, sessionId).getResultList();
        return rows.stream().map(AttendanceRepository::presence).toList();
    }

    @SuppressWarnings("unchecked")
    public List<Object[]> ofRegistrationsForTenant(String tenantId, Collection<UUID> registrationIds) {
        if (registrationIds.isEmpty()) {
            return List.of();
        }
        return database().createNativeQuery("""
                SELECT id, webinar_id, session_id, registration_id, attendee_session_id, connected_at, disconnected_at
                FROM attendance_presence WHERE tenant_id = ?1 AND registration_id IN (?2) ORDER BY connected_at, id""")
                .setParameter(1, tenantId).setParameter(2, registrationIds).getResultList();
    }

    public int eraseRegistrationsForTenant(String tenantId, Collection<UUID> registrationIds) {
        if (registrationIds.isEmpty()) {
            return 0;
        }
        return database().createNativeQuery("DELETE FROM attendance_presence WHERE tenant_id = ?1 AND registration_id IN (?2)")
                .setParameter(1, tenantId).setParameter(2, registrationIds).executeUpdate();
    }

    /** A live period began: the window opens (its first start is kept) and the attendance is no longer final. */
    public void wentLive(UUID sessionId, String tenantId, UUID webinarId, Instant at) {
        database().createNativeQuery("""
                INSERT INTO attendance_session (session_id, tenant_id, webinar_id, live_from) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (session_id) DO UPDATE SET live_until = NULL, final_due = NULL, final_at = NULL""")
                .setParameter(1, sessionId).setParameter(2, tenantId).setParameter(3, webinarId).setParameter(4, utc(at))
                .executeUpdate();
    }

    /** A live period ended: the window closes for now, and the attendance becomes final at {@code finalDue}. */
    public void ended(UUID sessionId, String tenantId, UUID webinarId, Instant at, Instant finalDue) {
        database().createNativeQuery("""
                INSERT INTO attendance_session (session_id, tenant_id, webinar_id, live_from, live_until, final_due)
                VALUES (?1, ?2, ?3, ?4, ?4, ?5)
                ON CONFLICT (session_id) DO UPDATE SET live_until = ?4, final_due = ?5, final_at = NULL""")
                .setParameter(1, sessionId).setParameter(2, tenantId).setParameter(3, webinarId).setParameter(4, utc(at))
                .setParameter(5, utc(finalDue)).executeUpdate();
    }

    /** Sessions whose attendance became final by now, locked for this node (others skip them). */
    @SuppressWarnings("unchecked")
    public List<LiveWindow> dueFinal(Instant now, int limit) {
        List<Object[]> rows = database().createNativeQuery("""
                SELECT session_id, tenant_id, webinar_id, live_from, live_until, final_at FROM attendance_session
                WHERE final_at IS NULL AND final_due <= ?1 ORDER BY final_due LIMIT ?2 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, utc(now)).setParameter(2, limit).getResultList();
        return rows.stream().map(AttendanceRepository::window).toList();
    }

    public void markFinal(UUID sessionId, Instant at) {
        database().createNativeQuery("UPDATE attendance_session SET final_at = ?2 WHERE session_id = ?1")
                .setParameter(1, sessionId).setParameter(2, utc(at)).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public Optional<LiveWindow> windowForTenant(String tenantId, UUID sessionId) {
        List<Object[]> rows = database().createNativeQuery("""
                SELECT session_id, tenant_id, webinar_id, live_from, live_until, final_at FROM attendance_session
                WHERE tenant_id = ?1 AND session_id = ?2""")
                .setParameter(1, tenantId).setParameter(2, sessionId).getResultList();
        return rows.stream().findFirst().map(AttendanceRepository::window);
    }

    private static Presence presence(Object[] row) {
        return new Presence((UUID) row[0], (UUID) row[1], (UUID) row[2], instant(row[3]), instant(row[4]), instant(row[5]));
    }

    private static LiveWindow window(Object[] row) {
        return new LiveWindow((UUID) row[0], (String) row[1], (UUID) row[2], instant(row[3]), instant(row[4]), instant(row[5]));
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private EntityManager database() {
        return databases.get();
    }
}
