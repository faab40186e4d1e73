package eu.plenum.media.storage;

/** An object as a store holds it: its key, the SHA-256 the store computed from its bytes, and its size. */
public record StoredObject(String key, String sha256, long bytes) {
}
