package eu.plenum.media;

import java.time.Instant;
import java.util.UUID;

/**
 * CDI event: a live period of a webinar session ended ({@code reason}: HOST_ENDED, MEDIA_FAILURE,
 * CANCELLED). Fired inside the transaction that ended the room; the room may go live again later.
 */
public record SessionEnded(String tenantId, UUID webinarId, UUID sessionId, UUID roomId, String reason, Instant at) {
}
