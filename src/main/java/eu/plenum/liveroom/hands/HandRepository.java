package eu.plenum.liveroom.hands;

import static eu.plenum.liveroom.domain.NativeRows.instant;
import static eu.plenum.liveroom.domain.NativeRows.query;
import static eu.plenum.liveroom.domain.NativeRows.uuid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Raised hands, always scoped to one session; one hand per person (voter) and session. */
@ApplicationScoped
public class HandRepository {

    private static final String COLUMNS = "session_id, participant_id, registration_id, display_name, raised_at";

    /** Looked up when used: an edge node has no persistence unit, and injecting it directly fails that node's start. */
    private final jakarta.enterprise.inject.Instance<EntityManager> databases;

    HandRepository(jakarta.enterprise.inject.Instance<EntityManager> databases) {
        this.databases = databases;
    }

    /** Raises the person's hand; false if it is up already. */
    public boolean raise(UUID sessionId, UUID voter, String tenantId, UUID participant, UUID registration, String name,
            OffsetDateTime at) {
        return query(database(), """
                INSERT INTO live_raised_hand (session_id, voter, tenant_id, participant_id, registration_id, display_name, raised_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING""")
                .setParameter(1, sessionId).setParameter(2, voter).setParameter(3, tenantId).setParameter(4, participant)
                .setParameter(5, registration, UUID.class).setParameter(6, name).setParameter(7, at).executeUpdate() == 1;
    }

    /** Lowers the person's own hand; the lowered hand, if it was up. */
    public Optional<RaisedHand> lowerOwn(UUID sessionId, UUID voter) {
        return lower("voter", sessionId, voter);
    }

    /** Lowers the hand a participant raised (a moderator lowering it from the queue). */
    public Optional<RaisedHand> lowerOf(UUID sessionId, UUID participant) {
        return lower("participant_id", sessionId, participant);
    }

    private Optional<RaisedHand> lower(String column, UUID sessionId, UUID id) {
        List<?> rows = database().createNativeQuery("DELETE FROM live_raised_hand WHERE session_id = ?1 AND " + column
                + " = ?2 RETURNING " + COLUMNS).setParameter(1, sessionId).setParameter(2, id).getResultList();
        return rows.stream().findFirst().map(row -> hand((Object[]) row));
    }

    /** The session's queue, first raised first. */
    public List<RaisedHand> queue(UUID sessionId) {
        List<?> rows = database().createNativeQuery("SELECT " + COLUMNS
                + " FROM live_raised_hand WHERE session_id = ?1 ORDER BY raised_at, participant_id")
                .setParameter(1, sessionId).getResultList();
        return rows.stream().map(row -> hand((Object[]) row)).toList();
    }

    public boolean isUp(UUID sessionId, UUID voter) {
        return !database().createNativeQuery("SELECT 1 FROM live_raised_hand WHERE session_id = ?1 AND voter = ?2")
                .setParameter(1, sessionId).setParameter(2, voter).getResultList().isEmpty();
    }

    public List<RaisedHand> raisedBy(String tenantId, Collection<UUID> registrations) {
        if (registrations.isEmpty()) {
            return List.of();
        }
        List<?> rows = database().createNativeQuery("SELECT " + COLUMNS
                + " FROM live_raised_hand WHERE tenant_id = ?1 AND registration_id IN (?2) ORDER BY raised_at")
                .setParameter(1, tenantId).setParameter(2, registrations).getResultList();
        return rows.stream().map(row -> hand((Object[]) row)).toList();
    }

    public int deleteRaisedBy(String tenantId, Collection<UUID> registrations) {
        if (registrations.isEmpty()) {
            return 0;
        }
        return database().createNativeQuery("DELETE FROM live_raised_hand WHERE tenant_id = ?1 AND registration_id IN (?2)")
                .setParameter(1, tenantId).setParameter(2, registrations).executeUpdate();
    }

    private static RaisedHand hand(Object[] row) {
        return new RaisedHand(uuid(row[0]), uuid(row[1]), uuid(row[2]), (String) row[3], instant(row[4]));
    }

    private EntityManager database() {
        return databases.get();
    }
}
