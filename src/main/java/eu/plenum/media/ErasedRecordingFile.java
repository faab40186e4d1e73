package eu.plenum.media;

import java.time.Instant;
import java.util.UUID;

/**
 * One file of an erased person's recording at one storage place, as far as its deletion got:
 * {@code PENDING}, {@code DELETED} (with the SHA-256 and size of what was removed), {@code ABSENT}
 * (no file was there) or {@code FLAGGED_FOR_REVIEW} (the tenant keeps such recordings for review).
 */
public record ErasedRecordingFile(UUID recordingId, String place, String region, boolean backup, String outcome, String sha256,
        Long sizeBytes, Instant doneAt) {

    public boolean pending() {
        return outcome.equals("PENDING");
    }
}
