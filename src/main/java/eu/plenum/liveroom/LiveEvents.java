package eu.plenum.liveroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * The event log of every live room: what happened, written to PostgreSQL before anyone hears of it.
 * Each event gets the next id of its session's counter row ({@code live_event_counter}), taken by an
 * upsert in the inserting transaction: the row stays locked until the commit, so a room's ids
 * commit in the order they were given and a client that resumes "after id N" never skips one (ids of
 * a global sequence commit out of order). After the commit, {@link LiveEventAppended} is fired for
 * the fan-out.
 */
@ApplicationScoped
public class LiveEvents {

    /** Who may read an event. */
    public enum Audience {
        EVERYONE, MODERATORS, ACTOR_AND_MODERATORS
    }

    /** Looked up when used: an edge node has no persistence unit, and injecting it directly fails that node's start. */
    private final jakarta.enterprise.inject.Instance<EntityManager> databases;
    private final ObjectMapper json;
    private final Event<LiveEventAppended> appended;
    private final Clock clock;

    LiveEvents(jakarta.enterprise.inject.Instance<EntityManager> databases, ObjectMapper json, Event<LiveEventAppended> appended, Clock clock) {
        this.databases = databases;
        this.json = json;
        this.appended = appended;
        this.clock = clock;
    }

    /**
     * Appends one event in the caller's transaction and returns its id in the room.
     *
     * @param actor         who caused it; null for the platform itself (e.g. the room went live)
     * @param payload       the event's fields as everyone in {@code audience} sees them
     * @param forModerators fields that only moderators see in addition (e.g. the author of an anonymous
     *                      question); null when there are none
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(UUID sessionId, String tenantId, Participant actor, String type, Audience audience,
            Map<String, Object> payload, Map<String, Object> forModerators) {
        long id = ((Number) database().createNativeQuery("""
                INSERT INTO live_event_counter (session_id, last_id) VALUES (?1, 1)
                ON CONFLICT (session_id) DO UPDATE SET last_id = live_event_counter.last_id + 1
                RETURNING last_id""").setParameter(1, sessionId).getSingleResult()).longValue();
        database().createNativeQuery("""
                INSERT INTO live_event (session_id, id, tenant_id, type, audience, actor_participant, actor_registration,
                                        payload, moderator_payload, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS jsonb), CAST(?9 AS jsonb), ?10)""")
                .setParameter(1, sessionId).setParameter(2, id).setParameter(3, tenantId).setParameter(4, type)
                .setParameter(5, audience.name())
                .setParameter(6, actor == null ? null : actor.participantId())
                .setParameter(7, actor == null ? null : actor.registrationId())
                .setParameter(8, write(payload)).setParameter(9, forModerators == null ? null : write(forModerators))
                .setParameter(10, OffsetDateTime.now(clock))
                .executeUpdate();
        appended.fire(new LiveEventAppended(sessionId, id));
        return id;
    }

    private String write(Map<String, Object> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A live event's fields must be plain JSON values", e);
        }
    }

    private EntityManager database() {
        return databases.get();
    }
}
