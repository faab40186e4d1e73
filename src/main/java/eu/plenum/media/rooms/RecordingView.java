package eu.plenum.media.rooms;

import java.time.Instant;
import java.util.UUID;

/** A catalogue entry as hosts see it; the file path stays inside the platform. */
public record RecordingView(UUID id, UUID roomId, UUID sessionId, String status, String tracks, String container,
        Long sizeBytes, Long durationMs, String sha256, String storagePlace, String storageRegion,
        Instant startedAt, Instant endedAt, String mediaUrl, java.util.List<Copy> copies, Instant publishedAt) {

    /** The file at one storage place (site): GROWING (bytes copied so far), PENDING, VERIFIED or FAILED. */
    public record Copy(String place, String region, boolean backup, String status, Long sizeBytes, String sha256, Instant verifiedAt) {
        static Copy of(RecordingCopy copy) {
            return new Copy(copy.place(), copy.region(), copy.backup(), copy.status().name(), copy.sizeBytes(), copy.sha256(),
                    copy.verifiedAt());
        }
    }

    /** Whole seconds, for pages. */
    public long seconds() {
        return durationMs == null ? 0 : durationMs / 1000;
    }

    static RecordingView of(Recording recording, java.util.List<RecordingCopy> copies) {
        return new RecordingView(recording.id(), recording.roomId(), recording.sessionId(), recording.status().name(),
                recording.tracks(), recording.container(), recording.sizeBytes(), recording.durationMs(), recording.sha256(),
                recording.storagePlace(), recording.storageRegion(), recording.startedAt(), recording.endedAt(),
                "/api/recordings/" + recording.id() + "/media", copies.stream().map(Copy::of).toList(), recording.publishedAt());
    }
}
