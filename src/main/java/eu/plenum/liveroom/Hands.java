package eu.plenum.liveroom;

import com.fasterxml.jackson.databind.JsonNode;
import eu.plenum.liveroom.LiveEvents.Audience;
import eu.plenum.liveroom.hands.HandRepository;
import eu.plenum.liveroom.hands.RaisedHand;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Raised hands of a live room: anyone raises and lowers their own; moderators see the queue in
 * raise order and lower anyone's. Events reach the hand's owner and the moderators only
 * (ACTOR_AND_MODERATORS with the owner as actor, also when a moderator lowers it).
 */
@ApplicationScoped
public class Hands implements LiveCommands {

    private final HandRepository hands;
    private final LiveEvents events;
    private final Clock clock;

    Hands(HandRepository hands, LiveEvents events, Clock clock) {
        this.hands = hands;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Set<String> types() {
        return Set.of("hand.raise", "hand.lower");
    }

    @Override
    @Transactional
    public void handle(Participant who, String type, JsonNode frame) {
        switch (type) {
            case "hand.raise" -> raise(who);
            case "hand.lower" -> lower(who, Frames.optionalId(frame, "participantId"));
            default -> throw new LiveRefusal("unknown-type", "Unknown frame type");
        }
    }

    private void raise(Participant who) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!hands.raise(who.sessionId(), Frames.voter(who), who.tenantId(), who.participantId(), who.registrationId(),
                who.displayName(), now)) {
            throw new LiveRefusal("already-raised", "Your hand is up already");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("participantId", who.participantId().toString());
        payload.put("displayName", who.displayName()); // the raiser authored this event
        payload.put("raisedAt", now.toInstant().toString());
        events.append(who.sessionId(), who.tenantId(), who, "hand.raised", Audience.ACTOR_AND_MODERATORS, payload, null);
    }

    private void lower(Participant who, UUID participantId) {
        boolean own = participantId == null || participantId.equals(who.participantId());
        if (!own) {
            Frames.requireModerator(who);
        }
        RaisedHand lowered = (own ? hands.lowerOwn(who.sessionId(), Frames.voter(who)) : hands.lowerOf(who.sessionId(), participantId))
                .orElseThrow(() -> new LiveRefusal("not-raised", "That hand is not up"));
        // The owner is the actor, so that the event reaches them (and is theirs when their data is erased).
        Participant owner = new Participant(who.sessionId(), who.webinarId(), who.tenantId(), lowered.participantId(),
                lowered.registrationId(), lowered.displayName(), Participant.Role.ATTENDEE);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("participantId", lowered.participantId().toString());
        payload.put("loweredBy", who.participantId().toString());
        events.append(who.sessionId(), who.tenantId(), owner, "hand.lowered", Audience.ACTOR_AND_MODERATORS, payload, null);
    }

    /** {@code hands}: the queue for moderators; for anyone else only whether their own hand is up. */
    @Override
    @Transactional
    public Map<String, Object> snapshot(Participant who) {
        if (who.moderates()) {
            return Map.of("hands", Map.of("queue", hands.queue(who.sessionId()).stream().map(hand -> Map.of(
                    "participantId", hand.participantId().toString(), "displayName", hand.displayName(),
                    "raisedAt", hand.raisedAt().toString())).toList(), "mine", hands.isUp(who.sessionId(), Frames.voter(who))));
        }
        return Map.of("hands", Map.of("mine", hands.isUp(who.sessionId(), Frames.voter(who))));
    }
}
