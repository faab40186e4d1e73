package eu.plenum.media.rooms;

import eu.plenum.residency.DeclaredPlace;
import eu.plenum.residency.DeclaredPlaces;
import eu.plenum.media.supervisor.MediaConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The copy job's other half: deletes the files of erased recordings at every storage place, the
 * home site's and the backup site's alike, each copy marked {@code DELETING} by the erasure. Like a
 * copy, a deletion is claimed in a short transaction (SKIP LOCKED, a claim token and a lease), the
 * files are hashed and removed with no transaction open, and the outcome (the SHA-256 and size of what
 * was removed) is recorded in another; a node that dies mid-way leaves the claim to run out, and the
 * next run deletes again (a missing file is no error).
 */
@ApplicationScoped
class RecordingDeletions {

    private static final Logger LOG = Logger.getLogger(RecordingDeletions.class);
    private static final int PER_RUN = 50;

    private final Instance<EntityManager> entityManager;
    private final DeclaredPlaces places;
    private final Duration lease;

    RecordingDeletions(Instance<EntityManager> entityManager, DeclaredPlaces places, MediaConfig config) {
        this.entityManager = entityManager;
        this.places = places;
        this.lease = config.copyLease();
    }

    /** The files at one place to remove: the catalogued file, and at a backup its live mirror and a partial copy. */
    private record Claim(RecordingCopy.Key key, UUID token, List<Path> files) {
    }

    /** What one deletion removed: the SHA-256 and size of the recording file (or its mirror), null when none was there. */
    private record Removed(String sha256, Long bytes) {
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
            Optional<List<Path>> files = filesOf(copy, recording);
            if (files.isEmpty()) {
                copy.deletionFailed("storage place '" + copy.place() + "' is no longer declared");
                continue;
            }
            UUID token = copy.claim(Instant.now().plus(lease));
            return Optional.of(new Claim(new RecordingCopy.Key(copy.recordingId(), copy.place()), token, files.get()));
        }
        return Optional.empty();
    }

    private Optional<List<Path>> filesOf(RecordingCopy copy, Recording recording) {
        Path file = Path.of(recording.filePath());
        if (!copy.backup() && copy.place().equals(recording.storagePlace())) {
            return Optional.of(List.of(file));
        }
        Optional<DeclaredPlace> place = places.all().stream().filter(candidate -> candidate.name().equals(copy.place())).findFirst();
        return place.flatMap(DeclaredPlace::target).map(target -> {
            // As RecordingArchive stores it: <target>/<tenant>/<room>/<file name>, mirrored as .growing, copied via .partial.
            Path folder = Path.of(target).resolve(recording.tenantId()).resolve(recording.roomId().toString());
            String name = file.getFileName().toString();
            return List.of(folder.resolve(name), folder.resolve(name + ".growing"), folder.resolve(name + ".partial"));
        });
    }

    private void delete(Claim claim) {
        Removed removed;
        try {
            removed = remove(claim.files());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Deleting the files of erased recording %s at %s failed: %s", claim.key().recordingId(), claim.key().place(),
                    e.getMessage());
            settle(claim, copy -> copy.deletionFailed(e.getMessage()));
            return;
        }
        settle(claim, copy -> copy.deleted(removed.sha256(), removed.bytes()));
    }

    private static Removed remove(List<Path> files) throws IOException {
        Removed removed = new Removed(null, null);
        List<Path> folders = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Removed found = new Removed(RecordingFiles.sha256(file), Files.size(file));
            Files.delete(file);
            folders.add(file.toAbsolutePath().getParent());
            if (removed.sha256() == null) {
                removed = found; // the catalogued file first, else its live mirror
            }
        }
        for (Path folder : folders) {
            syncFolder(folder);
        }
        return removed;
    }

    /** Makes the removal durable before it is reported (the directory entry is what a crash could bring back). */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every file system lets a directory be opened; the deletion itself stands.
        }
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
