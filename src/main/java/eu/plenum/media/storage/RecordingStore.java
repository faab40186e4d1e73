package eu.plenum.media.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One site's recording storage, as objects under keys ({@code <tenant>/<room>/<file>}): a folder on
 * the node (local runs) or the site's S3-compatible object store (production), so that the copy job,
 * playback and erasure do not care which. Every method may block on I/O: never call one inside a
 * transaction.
 */
public interface RecordingStore {

    /** What this store is, for messages and logs (a folder, or {@code s3://bucket/prefix}); names no secret. */
    String describe();

    /**
     * Stores a finished object of {@code length} bytes read from {@code content}; the store then
     * recomputes the SHA-256 of what it holds and keeps the object only if it equals {@code expectedSha256}
     * (the catalogue's). Replaces an object under the same key.
     */
    StoredObject put(String key, InputStream content, long length, String expectedSha256);

    /** Size of the object under {@code key}, if there is one. */
    Optional<Long> size(String key);

    /** {@code length} bytes of the object from byte {@code first}; the caller closes the stream. */
    InputStream open(String key, long first, long length);

    /**
     * The object as a file on this node, when the store is a folder here (playback then sends it with
     * zero copy); empty for a remote store or a missing object.
     */
    Optional<Path> localFile(String key);

    /**
     * Removes the object, its live mirror and any partial copy; returns the SHA-256 and size of what
     * was removed (the object, else its mirror), empty when nothing was there.
     */
    Optional<StoredObject> delete(String key);

    /** Keys of the objects under {@code prefix} (without live mirrors or partial copies), in key order. */
    List<String> list(String prefix);

    /**
     * Mirrors a recording still being written: sends what {@code source} gained since byte {@code from}
     * to the live mirror of {@code key}; returns how many bytes the mirror holds now.
     */
    long appendGrowing(String key, Path source, long from);

    /** The live mirror of {@code key} as one stream (its bytes so far), for reading a backup after a site was lost. */
    Optional<InputStream> openGrowing(String key);
}
