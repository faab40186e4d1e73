package eu.plenum.audience;

import java.util.List;
import java.util.UUID;

/** CDI event inside the audience context: these attendee sessions ended ({@code reason}: REVOKED, OTHER_DEVICE, LEFT). */
record AttendeeSessionsEnded(List<UUID> sessionIds, String reason) {
}
