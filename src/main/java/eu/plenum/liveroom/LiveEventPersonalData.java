package eu.plenum.liveroom;

import eu.plenum.shared.PersonalDataHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live room's event log per person (category {@code live-events}): the events a registered
 * attendee authored, found by their registrations within the tenant. Erasing replaces each payload by
 * {@code {"erased": true}} (ids stay, so resuming clients see no gap) and forgets the author.
 */
@ApplicationScoped
@eu.plenum.shared.PersonalDataColumns({"live_event.payload", "live_event.moderator_payload", "live_event.actor_participant",
        "live_event.actor_registration"})
public class LiveEventPersonalData implements PersonalDataHolder {

    /** Looked up when used: an edge node has no persistence unit, and injecting it directly fails that node's start. */
    private final jakarta.enterprise.inject.Instance<EntityManager> databases;

    LiveEventPersonalData(jakarta.enterprise.inject.Instance<EntityManager> databases) {
        this.databases = databases;
    }

    @Override
    public String category() {
        return "live-events";
    }

    @Override
    @Transactional
    public List<Map<String, Object>> export(DataSubject subject) {
        if (subject.registrationIds().isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = database().createNativeQuery("""
                SELECT session_id, id, type, payload::text, created_at FROM live_event
                WHERE tenant_id = ?1 AND actor_registration IN (?2) ORDER BY created_at, session_id, id""")
                .setParameter(1, subject.tenantId()).setParameter(2, List.copyOf(subject.registrationIds())).getResultList();
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object[] row : rows) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("sessionId", row[0].toString());
            item.put("eventId", ((Number) row[1]).longValue());
            item.put("type", row[2]);
            item.put("payload", row[3]);
            item.put("createdAt", row[4].toString());
            items.add(item);
        }
        return items;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(DataSubject subject) {
        if (subject.registrationIds().isEmpty()) {
            return 0;
        }
        return database().createNativeQuery("""
                UPDATE live_event SET payload = '{"erased": true}'::jsonb, moderator_payload = NULL,
                                      actor_participant = NULL, actor_registration = NULL
                WHERE tenant_id = ?1 AND actor_registration IN (?2)""")
                .setParameter(1, subject.tenantId()).setParameter(2, List.copyOf(subject.registrationIds())).executeUpdate();
    }

    private EntityManager database() {
        return databases.get();
    }
}
