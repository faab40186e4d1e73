package eu.plenum.media;

import java.time.Instant;
import java.util.UUID;

/**
 * CDI event: a recording file was finalised and catalogued ({@code status} COMPLETE, or INTERRUPTED
 * when its worker died: still playable up to its last cluster). Empty files raise none. Fired inside
 * the cataloguing transaction.
 */
public record RecordingReady(String tenantId, UUID webinarId, UUID sessionId, UUID roomId, UUID recordingId, String status,
        Long durationMs, Long sizeBytes, Instant at) {
}
