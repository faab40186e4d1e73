package eu.plenum.media.rooms;

import eu.plenum.media.storage.FileRecordingStore;
import eu.plenum.media.storage.RecordingKeys;
import eu.plenum.media.storage.RecordingStore;
import eu.plenum.media.storage.RecordingStores;
import eu.plenum.media.storage.StoredObject;
import eu.plenum.residency.DeclaredPlace;
import eu.plenum.residency.DeclaredPlaces;
import eu.plenum.media.supervisor.MediaConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The copy job's other half: deletes the files of erased recordings at every storage place, the
 * home site's and the backup site's alike, each copy marked {@code DELETING} by the erasure. Like a
 * copy, a deletion is claimed in a short transaction (SKIP LOCKED, a claim token and a lease), the
 * objects are hashed and removed from the place's store (folder or object store) with no transaction open, and the outcome (the SHA-256 and size of what
 * was removed) is recorded in another; a node that dies mid-way leaves the claim to run out, and the
 * next run deletes again (a missing file is no error). The home copy in an object store of a recording
 * erased before its upload may still be a spool file on the node that wrote it: only that node claims
 * it while its lease is current, any node once it is gone (that node's {@link ErasedSpoolFiles} sweep
 * removes the file when it comes back).
 */
@ApplicationScoped
class RecordingDeletions {

    private static final Logger LOG = Logger.getLogger(RecordingDeletions.class);
    private static final int PER_RUN = 50;

    private final Instance<EntityManager> entityManager;
    private final DeclaredPlaces places;
    private final Duration lease;
    private final RecordingStores stores;
    private final NodeLeases leases;

    RecordingDeletions(Instance<EntityManager> entityManager, DeclaredPlaces places, MediaConfig config, RecordingStores stores,
            NodeLeases leases) {
        this.stores = stores;
        this.leases = leases;
        this.entityManager = entityManager;
        this.places = places;
        this.lease = config.copyLease();
    }

    /**
     * What to remove at one place: the object under {@code key} in {@code store} (with its live mirror and
     * a partial copy), and for a home object store this node's spool file of it, if it has one.
     */
    private record Claim(RecordingCopy.Key key, UUID token, RecordingStore store, String objectKey, Path spoolFile) {
    }

    void run() {
        for (int done = 0; done < PER_RUN; done++) {
            Optional<Claim> due = QuarkusTransaction.requiringNew().call(this::claim);
            if (due.isEmpty()) {
                return;
            }
            delete(due.get());
        }
    }

    private Optional<Claim> claim() {
        List<RecordingCopy> due = em().createQuery("from RecordingCopy c where c.status = ?1 "
                + "and (c.claimedUntil is null or c.claimedUntil < ?2) order by c.requestedAt", RecordingCopy.class)
                .setParameter(1, RecordingCopy.Status.DELETING).setParameter(2, Instant.now()).setMaxResults(10)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .getResultList();
        for (RecordingCopy copy : due) {
            Recording recording = em().find(Recording.class, copy.recordingId());
            Path file = Path.of(recording.filePath()).toAbsolutePath();
            String key = RecordingKeys.of(recording.tenantId(), recording.roomId().toString(), file);
            Optional<DeclaredPlace> place = places.all().stream().filter(candidate -> candidate.name().equals(copy.place())).findFirst();
            boolean home = !copy.backup() && copy.place().equals(recording.storagePlace());
            RecordingStore store;
            Path spoolFile = null;
            if (home && (place.isEmpty() || !RecordingStores.objectStore(place.get()))) {
                store = new FileRecordingStore(file.getParent().getParent().getParent()); // the folder the file was written into
            } else if (place.isPresent()) {
                boolean spooledHere = home && Files.isRegularFile(file);
                if (home && !mayDeleteHomeObject(recording.spoolNode(), leases.nodeId(), spooledHere,
                        recording.spoolNode() != null && leases.holdsLease(recording.spoolNode()))) {
                    continue; // its spool file may still be on the node that wrote it: that node deletes both
                }
                store = stores.of(place.get());
                spoolFile = spooledHere ? file : null;
            } else {
                copy.deletionFailed("storage place '" + copy.place() + "' is no longer declared");
                continue;
            }
            UUID token = copy.claim(Instant.now().plus(lease));
            return Optional.of(new Claim(new RecordingCopy.Key(copy.recordingId(), copy.place()), token, store, key, spoolFile));
        }
        return Optional.empty();
    }

    /**
     * Whether this node may claim the deletion of a recording's home copy in an object store: where the
     * spool file is here, where no other node wrote it, or where the node that did holds no lease any more.
     */
    static boolean mayDeleteHomeObject(String spoolNode, String thisNode, boolean spooledHere, boolean spoolNodeHoldsLease) {
        return spooledHere || spoolNode == null || spoolNode.equals(thisNode) || !spoolNodeHoldsLease;
    }

    private void delete(Claim claim) {
        Optional<StoredObject> removed;
        try {
            removed = claim.store().delete(claim.objectKey());
            if (claim.spoolFile() != null && Files.isRegularFile(claim.spoolFile())) {
                // Erased before its upload: this node's spool file is the recording.
                Optional<StoredObject> spooled = new FileRecordingStore(claim.spoolFile().getParent().getParent().getParent())
                        .delete(claim.objectKey());
                removed = removed.isPresent() ? removed : spooled;
            }
        } catch (RuntimeException e) {
            LOG.warnf("Deleting the files of erased recording %s at %s failed: %s", claim.key().recordingId(), claim.key().place(),
                    e.getMessage());
            settle(claim, copy -> copy.deletionFailed(e.getMessage()));
            return;
        }
        Optional<StoredObject> gone = removed;
        settle(claim, copy -> copy.deleted(gone.map(StoredObject::sha256).orElse(null), gone.map(StoredObject::bytes).orElse(null)));
    }

    private void settle(Claim claim, java.util.function.Consumer<RecordingCopy> outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            RecordingCopy copy = em().find(RecordingCopy.class, claim.key(), LockModeType.PESSIMISTIC_WRITE);
            if (copy != null && copy.claimedBy(claim.token())) {
                outcome.accept(copy);
                copy.release();
            }
        });
    }

    private EntityManager em() {
        return entityManager.get();
    }
}
