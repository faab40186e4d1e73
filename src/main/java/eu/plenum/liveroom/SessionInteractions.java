package eu.plenum.liveroom;

import eu.plenum.audience.AttendeeInteractions;
import eu.plenum.liveroom.domain.NativeRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What each registration did in a session's live room, for the host's attendance report: questions
 * asked and polls answered (one vote per poll counts once, from whichever device). Two grouped
 * queries for the whole session, never one per attendee.
 */
@ApplicationScoped
class SessionInteractions implements AttendeeInteractions {

    /** Looked up when used: an edge node has no persistence unit, and injecting it directly fails that node's start. */
    private final jakarta.enterprise.inject.Instance<EntityManager> databases;

    SessionInteractions(jakarta.enterprise.inject.Instance<EntityManager> databases) {
        this.databases = databases;
    }

    @Override
    @Transactional
    public Map<UUID, Counts> countsFor(String tenantId, UUID sessionId, Set<UUID> registrationIds) {
        Map<UUID, int[]> counts = new HashMap<>();
        if (registrationIds.isEmpty()) {
            return Map.of();
        }
        tally(counts, 0, """
                SELECT author_registration, count(*) FROM live_question
                WHERE tenant_id = ?1 AND session_id = ?2 AND author_registration IS NOT NULL GROUP BY author_registration""",
                tenantId, sessionId);
        tally(counts, 1, """
                SELECT registration_id, count(DISTINCT poll_id) FROM live_poll_vote
                WHERE tenant_id = ?1 AND session_id = ?2 AND registration_id IS NOT NULL GROUP BY registration_id""",
                tenantId, sessionId);
        Map<UUID, Counts> result = new HashMap<>();
        counts.forEach((registration, pair) -> {
            if (registrationIds.contains(registration)) {
                result.put(registration, new Counts(pair[0], pair[1]));
            }
        });
        return result;
    }

    private void tally(Map<UUID, int[]> counts, int slot, String sql, String tenantId, UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = database().createNativeQuery(sql).setParameter(1, tenantId).setParameter(2, sessionId).getResultList();
        rows.forEach(row -> counts.computeIfAbsent(NativeRows.uuid(row[0]), key -> new int[2])[slot] = NativeRows.integer(row[1]));
    }

    private EntityManager database() {
        return databases.get();
    }
}
