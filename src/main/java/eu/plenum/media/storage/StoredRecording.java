package eu.plenum.media.storage;

/** A recording found in one store, ready to be read: where, under which key, and how many bytes it has now. */
public record StoredRecording(RecordingStore store, String key, long size) {
}
