package eu.plenum.media;

import eu.plenum.media.storage.RecordingStore;
import eu.plenum.media.storage.RecordingStores;
import eu.plenum.media.storage.StoredObject;
import eu.plenum.residency.DeclaredPlace;
import eu.plenum.residency.PersonalDataTransfer;
import eu.plenum.residency.TransferGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Copies a tenant's recordings between declared recording storage places — from the file a node
 * recorded into its site's store (when that is an object store), and from the home site's store to
 * the store declared as that region's backup, store to store — each copy allowed by the transfer guard
 * first and kept by the receiving store only if the SHA-256 it recomputes matches the catalogue's.
 */
@ApplicationScoped
public class RecordingArchive {

    private final TransferGuard guard;
    private final RecordingStores stores;

    RecordingArchive(TransferGuard guard, RecordingStores stores) {
        this.guard = guard;
        this.stores = stores;
    }

    /** One stored, verified copy. */
    public record StoredCopy(String place, String regionCode, String key, String sha256, long bytes) {
    }

    /**
     * Copies one finished recording ({@code key} in {@code source}) into one declared storage place
     * (the home site's object store, or the backup site's), after the transfer guard allowed it; the
     * copy is kept only if its SHA-256, recomputed by the receiving store, matches {@code expected}.
     */
    public StoredCopy copyInto(DeclaredPlace place, String tenantId, RecordingStore source, String key, String expected) {
        guard.authorize(new PersonalDataTransfer("recording", place.backupFor().isPresent()
                ? "backup copy of a recording" : "recording into home-region storage", tenantId,
                place.name(), place.region().code(), null));
        long size = source.size(key).orElseThrow(() -> new IllegalStateException("The recording is not in " + source.describe()));
        StoredObject stored;
        try (InputStream in = source.open(key, 0, size)) {
            stored = stores.of(place).put(key, in, size, expected);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the recording from " + source.describe(), e);
        }
        return new StoredCopy(place.name(), place.region().code(), stored.key(), stored.sha256(), stored.bytes());
    }

    /**
     * Asks the transfer guard (and so logs, once) whether a recording that is still being written may
     * be mirrored to a backup place as it grows; throws when refused, before a byte is sent.
     */
    public void authorizeLiveCopy(DeclaredPlace place, String tenantId) {
        guard.authorize(new PersonalDataTransfer("recording", "live copy of a recording while it is written", tenantId,
                place.name(), place.region().code(), null));
    }

    /**
     * Sends what a growing recording gained since {@code copiedBytes} to its live mirror at a place
     * authorised by {@link #authorizeLiveCopy}; returns the bytes mirrored now. Matroska clusters are
     * only appended while a file is written, so the mirror is a playable prefix; the finished file
     * replaces it once it is copied whole and verified.
     */
    public long appendLiveCopy(DeclaredPlace place, String key, Path source, long copiedBytes) {
        return stores.of(place).appendGrowing(key, source, copiedBytes);
    }
}
