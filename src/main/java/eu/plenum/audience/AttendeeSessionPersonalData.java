package eu.plenum.audience;

import eu.plenum.audience.domain.AttendeeSession;
import eu.plenum.shared.ExportValues;
import eu.plenum.shared.PersonalDataColumns;
import eu.plenum.shared.PersonalDataHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The person's attendee sessions (one per device they entered on): ids, webinar, when they started
 * and ended and why — never the cookie token's hash. The registration ids of a {@code DataSubject}
 * are already those of its tenant, so they scope the query.
 *
 * <p>Erasure deletes them (attendance times of a named person; nothing else needs them), and the
 * playback of any that were still running stops once the erasure commits. Caller's transaction
 * ({@code MANDATORY}).
 */
@ApplicationScoped
@PersonalDataColumns({"attendee_session.registration_id", "attendee_session.started_at", "attendee_session.ended_at"})
class AttendeeSessionPersonalData implements PersonalDataHolder {

    private static final String[] FIELDS = {"id", "registrationId", "webinarId", "startedAt", "endedAt", "endedReason"};

    /** Looked up when used: an edge node has no persistence unit, and a static injection stops its start. */
    private final Instance<EntityManager> entityManager;
    private final Event<AttendeeSessionsEnded> ended;

    AttendeeSessionPersonalData(Instance<EntityManager> entityManager, Event<AttendeeSessionsEnded> ended) {
        this.entityManager = entityManager;
        this.ended = ended;
    }

    @Override
    public String category() {
        return "attendee-sessions";
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> export(DataSubject subject) {
        if (subject.registrationIds().isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = entityManager.get().createNativeQuery("""
                SELECT id, registration_id, webinar_id, started_at, ended_at, ended_reason FROM attendee_session
                WHERE registration_id IN (:ids) ORDER BY started_at, id""")
                .setParameter("ids", subject.registrationIds())
                .getResultList();
        return rows.stream().map(row -> ExportValues.item(FIELDS, row)).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public int erase(DataSubject subject) {
        if (subject.registrationIds().isEmpty()) {
            return 0;
        }
        List<Object[]> deleted = entityManager.get().createNativeQuery("""
                DELETE FROM attendee_session WHERE registration_id IN (:ids) RETURNING id, ended_at""")
                .setParameter("ids", subject.registrationIds())
                .getResultList();
        List<UUID> running = deleted.stream().filter(row -> row[1] == null).map(row -> (UUID) row[0]).toList();
        if (!running.isEmpty()) {
            ended.fire(new AttendeeSessionsEnded(running, AttendeeSession.EndReason.REVOKED.name()));
        }
        return deleted.size();
    }
}
