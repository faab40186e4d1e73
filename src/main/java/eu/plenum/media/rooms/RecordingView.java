package eu.plenum.media.rooms;

import java.time.Instant;
import java.util.UUID;

/** A catalogue entry as hosts see it; the file path stays inside the platform. */
public record RecordingView(UUID id, UUID roomId, UUID sessionId, String status, String tracks, String container,
        Long sizeBytes, Long durationMs, String sha256, String storagePlace, String storageRegion,
        Instant startedAt, Instant endedAt, String mediaUrl) {

    /** Whole seconds, for pages. */
    public long seconds() {
        return durationMs == null ? 0 : durationMs / 1000;
    }

    static RecordingView of(Recording recording) {
        return new RecordingView(recording.id(), recording.roomId(), recording.sessionId(), recording.status().name(),
                recording.tracks(), recording.container(), recording.sizeBytes(), recording.durationMs(), recording.sha256(),
                recording.storagePlace(), recording.storageRegion(), recording.startedAt(), recording.endedAt(),
                "/api/recordings/" + recording.id() + "/media");
    }
}
