package eu.plenum.media.rooms;

/** What the catalogue records about a finished file. */
public record RecordingFacts(long sizeBytes, Long durationMs, String sha256) {
}
