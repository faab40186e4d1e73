package eu.plenum.media;

import java.time.Instant;
import java.util.UUID;

/**
 * CDI event: the live room of a webinar session went live (a new live period began). Fired inside the
 * transaction that recorded it, so observers' outbox rows (webhooks) commit with the room's state.
 */
public record SessionWentLive(String tenantId, UUID webinarId, UUID sessionId, UUID roomId, Instant at) {
}
