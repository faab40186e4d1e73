package eu.plenum.liveroom;

import java.util.UUID;

/**
 * Someone taking part in one webinar session's live room, as the socket authenticated them.
 *
 * @param sessionId      the webinar session ({@code webinar_session.id}) whose room this is
 * @param webinarId      its webinar
 * @param tenantId       the webinar's tenant
 * @param participantId  stable per device: the attendee session id, the open viewer's random id, or for a
 *                       host or moderator a name-based UUID of their account's subject
 * @param registrationId the attendee's registration; null for open viewers, hosts and moderators
 * @param displayName    the name others see (the registration's name, an open viewer's chosen name, the host's name)
 * @param role           what they may do
 */
public record Participant(UUID sessionId, UUID webinarId, String tenantId, UUID participantId, UUID registrationId,
        String displayName, Role role) {

    public enum Role {
        ATTENDEE, MODERATOR, HOST
    }

    /** Hosts and the moderators they picked moderate; attendees do not. */
    public boolean moderates() {
        return role != Role.ATTENDEE;
    }
}
