package eu.plenum.liveroom.chat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.plenum.audience.AttendeeCookies;
import eu.plenum.liveroom.LiveCommands;
import eu.plenum.liveroom.LiveEvents;
import eu.plenum.liveroom.LiveRefusal;
import eu.plenum.liveroom.Participant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code moderation.ban} {participantId}: the participant (and, for a registered attendee, every
 * device of their registration) is refused by the webinar's rooms from now on; the
 * {@code moderation.banned} event disconnects their sockets on every node, and their attendee sessions
 * end (playback stops). An open viewer is banned by their random id: a fresh open-viewer cookie is a
 * new participant (the price of storing nothing about open viewers).
 */
@ApplicationScoped
public class ModerationCommands implements LiveCommands {

    /** Looked up when used: an edge node has no persistence unit, and injecting it directly fails that node's start. */
    private final jakarta.enterprise.inject.Instance<EntityManager> databases;
    private final LiveEvents events;
    private final AttendeeCookies attendees;
    private final Clock clock;

    ModerationCommands(jakarta.enterprise.inject.Instance<EntityManager> databases, LiveEvents events, AttendeeCookies attendees, Clock clock) {
        this.databases = databases;
        this.events = events;
        this.attendees = attendees;
        this.clock = clock;
    }

    @Override
    public Set<String> types() {
        return Set.of("moderation.ban");
    }

    @Override
    @Transactional
    public void handle(Participant who, String type, JsonNode frame) {
        if (!who.moderates()) {
            throw new LiveRefusal("not-moderator", "Only the host and moderators may do this.");
        }
        UUID banned;
        try {
            banned = UUID.fromString(frame.path("participantId").asText());
        } catch (IllegalArgumentException e) {
            throw new LiveRefusal("bad-frame", "participantId must be a participant's id.");
        }
        if (banned.equals(who.participantId())) {
            throw new LiveRefusal("bad-frame", "You cannot ban yourself.");
        }
        UUID registration = registrationOf(banned);
        database().createNativeQuery("""
                INSERT INTO live_ban (webinar_id, participant_id, registration_id, banned_by, banned_at) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT DO NOTHING""").setParameter(1, who.webinarId()).setParameter(2, banned).setParameter(3, registration)
                .setParameter(4, who.participantId().toString()).setParameter(5, OffsetDateTime.now(clock)).executeUpdate();
        Map<String, Object> extra = registration == null ? Map.of() : Map.of("registrationId", registration.toString());
        events.append(who.sessionId(), who.tenantId(), who, "moderation.banned", LiveEvents.Audience.MODERATORS,
                Map.of("participantId", banned.toString()), extra);
        if (registration != null) {
            attendees.endAll(registration);
        }
    }

    private UUID registrationOf(UUID participant) {
        return attendees.registrationOf(participant).orElse(null);
    }

    @Override
    public Map<String, Object> snapshot(Participant who) {
        return Map.of();
    }

    private EntityManager database() {
        return databases.get();
    }
}
