package eu.plenum.liveroom.socket;

import eu.plenum.liveroom.LiveEvents;
import eu.plenum.liveroom.Participant;
import java.util.UUID;

/**
 * One row of {@code live_event} as sockets send it: its frame for those who see the payload, and for
 * moderators (payload plus the moderator fields), serialised once for every receiver.
 */
record RoomEvent(long id, String type, LiveEvents.Audience audience, UUID actor, String frame, String moderatorFrame) {

    /** The frame this participant receives, or null when the event's audience does not admit them. */
    String frameFor(Participant who) {
        if (who.moderates()) {
            return moderatorFrame;
        }
        return switch (audience) {
            case EVERYONE -> frame;
            case MODERATORS -> null;
            case ACTOR_AND_MODERATORS -> who.participantId().equals(actor) ? frame : null;
        };
    }
}
