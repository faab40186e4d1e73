package eu.plenum.media.rooms;

import eu.plenum.identity.TenantDirectory;
import eu.plenum.media.RecordingArchive;
import eu.plenum.media.storage.FileRecordingStore;
import eu.plenum.media.storage.RecordingKeys;
import eu.plenum.media.storage.RecordingStore;
import eu.plenum.media.storage.RecordingStores;
import eu.plenum.residency.DeclaredPlace;
import eu.plenum.residency.DeclaredPlaces;
import eu.plenum.residency.TransferRefusedException;
import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import eu.plenum.media.supervisor.MediaConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Copies recordings to the backup site. While a recording is written it is mirrored to each
 * declared backup as it grows (authorised by the transfer guard once, then appended on every run),
 * so losing the primary site mid-session leaves the backup with all but the last seconds. Every
 * finished recording gets one catalogue row per storage place: its home-region file (verified at
 * once, the catalogue's SHA-256 was computed from it) and one per declared backup, copied whole
 * through the transfer guard and verified by SHA-256. Runs on every app node: a copy is claimed in a
 * short transaction (SKIP LOCKED, then a lease), made with no transaction open, and its outcome
 * recorded in another short one, so that a copy of any length neither holds locks nor outlives a
 * transaction timeout. Each run also deletes, the same way, the files of erased recordings at every
 * place ({@link RecordingDeletions}).
 */
@ApplicationScoped
public class RecordingReplicator {

    private static final Logger LOG = Logger.getLogger(RecordingReplicator.class);
    private static final int COPIES_PER_RUN = 20;

    private final Instance<EntityManager> entityManager;
    private final DeclaredPlaces places;
    private final TenantDirectory tenants;
    private final RecordingArchive archive;
    private final boolean enabled;
    private final Duration lease;
    private final RecordingDeletions deletions;
    private final RecordingStores stores;

    RecordingReplicator(Instance<EntityManager> entityManager, DeclaredPlaces places, TenantDirectory tenants,
            RecordingArchive archive, NodeConfig node, MediaConfig config, RecordingDeletions deletions, RecordingStores stores) {
        this.deletions = deletions;
        this.stores = stores;
        this.lease = config.copyLease();
        this.entityManager = entityManager;
        this.places = places;
        this.tenants = tenants;
        this.archive = archive;
        this.enabled = node.plays(NodeRole.APP);
    }

    @Scheduled(every = "${plenum.media.copy-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        if (!enabled) {
            return;
        }
        QuarkusTransaction.requiringNew().run(this::planCopies);
        QuarkusTransaction.requiringNew().call(this::claimMirrors).forEach(this::mirror);
        for (int copied = 0; copied < COPIES_PER_RUN; copied++) {
            Optional<Claim> due = QuarkusTransaction.requiringNew().call(this::claimCopy);
            if (due.isEmpty()) {
                break;
            }
            copy(due.get());
        }
        deletions.run();
    }

    /** Seconds the oldest pending copy has waited: the copy lag (0 when nothing waits). */
    public double copyLagSeconds() {
        Instant oldest = QuarkusTransaction.requiringNew().call(() -> em().createQuery(
                "select min(c.requestedAt) from RecordingCopy c where c.status = ?1", Instant.class)
                .setParameter(1, RecordingCopy.Status.PENDING).getSingleResult());
        return oldest == null ? 0 : Duration.between(oldest, Instant.now()).toMillis() / 1000.0;
    }

    public long copies(RecordingCopy.Status status) {
        return QuarkusTransaction.requiringNew().call(() -> em().createQuery(
                "select count(c) from RecordingCopy c where c.status = ?1", Long.class).setParameter(1, status).getSingleResult());
    }

    private void planCopies() {
        List<Recording> growing = em().createQuery("from Recording r where r.status = ?1 "
                + "and not exists (select 1 from RecordingCopy c where c.key.recordingId = r.id)", Recording.class)
                .setParameter(1, Recording.Status.RECORDING).setMaxResults(100).getResultList();
        for (Recording recording : growing) {
            for (DeclaredPlace place : backupsFor(recording)) {
                RecordingCopy mirror = RecordingCopy.growing(recording.id(), place.name(), place.region().code());
                try {
                    archive.authorizeLiveCopy(place, recording.tenantId());
                } catch (TransferRefusedException refused) {
                    mirror.refused(refused.getMessage());
                }
                em().persist(mirror);
            }
        }
        List<Recording> finished = em().createQuery("from Recording r where r.status <> ?1 and r.status <> ?2 and r.sha256 is not null "
                + "and not exists (select 1 from RecordingCopy c where c.key.recordingId = r.id and c.backup = false)", Recording.class)
                .setParameter(1, Recording.Status.RECORDING).setParameter(2, Recording.Status.ERASED).setMaxResults(100).getResultList();
        for (Recording recording : finished) {
            RecordingCopy home = new RecordingCopy(recording.id(), recording.storagePlace(), recording.storageRegion(), false);
            if (!declared(recording.storagePlace()).map(RecordingStores::objectStore).orElse(false)) {
                // Written into the home folder store itself: catalogued from that very file.
                home.verified(recording.sha256(), recording.sizeBytes() == null ? 0 : recording.sizeBytes());
            } // else PENDING: the node that has the file in its spool uploads it to the site's object store
            em().persist(home);
            for (DeclaredPlace place : backupsFor(recording)) {
                RecordingCopy backup = em().find(RecordingCopy.class, new RecordingCopy.Key(recording.id(), place.name()));
                if (backup == null) {
                    em().persist(new RecordingCopy(recording.id(), place.name(), place.region().code(), true));
                } else {
                    backup.recordingEnded();
                }
            }
        }
        // A recording that ended with nothing in it (EMPTY) has no file to mirror or copy.
        em().createQuery("delete from RecordingCopy c where c.status = ?1 and exists (select 1 from Recording r "
                + "where r.id = c.key.recordingId and r.status <> ?2 and r.sha256 is null)")
                .setParameter(1, RecordingCopy.Status.GROWING).setParameter(2, Recording.Status.RECORDING).executeUpdate();
    }

    /**
     * A copy or mirror this node claimed: what the copy needs, read in the claiming transaction, so
     * that the file is read and written with no transaction open and no row locked. {@code source} holds
     * the recording under {@code key}; {@code spoolFile} is this node's file to remove once an upload into
     * the home object store is verified.
     */
    private record Claim(RecordingCopy.Key key, UUID token, DeclaredPlace place, String tenantId, String objectKey, Path localFile,
            RecordingStore source, Path spoolFile, String sha256, long copiedBytes) {
    }

    /** Claims the mirrors of recordings being written that this node can read, for one append each. */
    private List<Claim> claimMirrors() {
        List<Claim> claims = new ArrayList<>();
        for (RecordingCopy mirror : claimable(RecordingCopy.Status.GROWING, 100)) {
            Recording recording = em().find(Recording.class, mirror.recordingId());
            Optional<DeclaredPlace> place = declared(mirror.place());
            if (recording.status() == Recording.Status.RECORDING && place.isPresent() && Files.isRegularFile(Path.of(recording.filePath()))) {
                claims.add(claim(mirror, recording, place.get(), null, null));
            }
        }
        return claims;
    }

    /** Appends what a recording being written gained since the last run to its backup mirror. */
    private void mirror(Claim claim) {
        try {
            long copied = archive.appendLiveCopy(claim.place(), claim.objectKey(), claim.localFile(), claim.copiedBytes());
            settle(claim, copy -> copy.grew(copied));
        } catch (RuntimeException e) {
            LOG.warnf("Live copy of recording %s to %s failed: %s", claim.key().recordingId(), claim.place().name(), e.getMessage());
            settle(claim, copy -> { });
        }
    }

    /**
     * Claims the oldest copy due that this node can make: an upload into the home object store only
     * where the file is in this node's spool; a backup copy once the home copy is verified, from the
     * home store (an object store any node reaches, or a folder this node has). Others are left to
     * the nodes that can (they cost no attempt here).
     */
    private Optional<Claim> claimCopy() {
        for (RecordingCopy copy : claimable(RecordingCopy.Status.PENDING, 20)) {
            Recording recording = em().find(Recording.class, copy.recordingId());
            Optional<DeclaredPlace> place = declared(copy.place());
            if (place.isEmpty()) {
                copy.failed("storage place '" + copy.place() + "' is no longer declared", Instant.now());
                continue;
            }
            Path file = Path.of(recording.filePath());
            String key = RecordingKeys.of(recording.tenantId(), recording.roomId().toString(), file);
            if (!copy.backup()) {
                if (Files.isRegularFile(file)) {
                    // The spool this node recorded into: <spool>/<place>/<tenant>/<room>/<file>.
                    RecordingStore spool = new FileRecordingStore(file.toAbsolutePath().getParent().getParent().getParent());
                    return Optional.of(claim(copy, recording, place.get(), spool, file));
                }
                continue;
            }
            Optional<DeclaredPlace> home = declared(recording.storagePlace());
            boolean homeVerified = em().createQuery("select count(c) from RecordingCopy c where c.key.recordingId = ?1 "
                    + "and c.key.place = ?2 and c.status = ?3", Long.class).setParameter(1, recording.id())
                    .setParameter(2, recording.storagePlace()).setParameter(3, RecordingCopy.Status.VERIFIED).getSingleResult() > 0;
            if (home.isPresent() && homeVerified) {
                RecordingStore source = stores.of(home.get());
                if (RecordingStores.objectStore(home.get()) || source.localFile(key).isPresent()) {
                    return Optional.of(claim(copy, recording, place.get(), source, null));
                }
            }
        }
        return Optional.empty();
    }

    private void copy(Claim claim) {
        try {
            RecordingArchive.StoredCopy stored = archive.copyInto(claim.place(), claim.tenantId(), claim.source(), claim.objectKey(),
                    claim.sha256());
            boolean recorded = settle(claim, copy -> copy.verified(stored.sha256(), stored.bytes()));
            if (recorded && claim.spoolFile() != null) {
                Files.deleteIfExists(claim.spoolFile()); // the site's object store holds it now, verified
            }
        } catch (RuntimeException | java.io.IOException e) {
            LOG.warnf("Copy of recording %s to %s failed: %s", claim.key().recordingId(), claim.place().name(), e.getMessage());
            settle(claim, copy -> copy.failed(e.getMessage(), Instant.now()));
        }
    }

    private List<RecordingCopy> claimable(RecordingCopy.Status status, int limit) {
        return em().createQuery("from RecordingCopy c where c.status = ?1 and (c.claimedUntil is null or c.claimedUntil < ?2) "
                + "order by c.requestedAt", RecordingCopy.class)
                .setParameter(1, status).setParameter(2, Instant.now()).setMaxResults(limit)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .getResultList();
    }

    private Claim claim(RecordingCopy copy, Recording recording, DeclaredPlace place, RecordingStore source, Path spoolFile) {
        UUID token = copy.claim(Instant.now().plus(lease));
        Path file = Path.of(recording.filePath());
        return new Claim(new RecordingCopy.Key(copy.recordingId(), copy.place()), token, place, recording.tenantId(),
                RecordingKeys.of(recording.tenantId(), recording.roomId().toString(), file), file, source, spoolFile,
                recording.sha256(), copy.sizeBytes() == null ? 0 : copy.sizeBytes());
    }

    /** Records an outcome in a short transaction of its own, if the claim was not taken over meanwhile. */
    private boolean settle(Claim claim, Consumer<RecordingCopy> outcome) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RecordingCopy copy = em().find(RecordingCopy.class, claim.key(), LockModeType.PESSIMISTIC_WRITE);
            if (copy != null && copy.claimedBy(claim.token())) {
                copy.release(); // first: a failure's outcome sets the pause before the next claim
                outcome.accept(copy);
                return !copy.erasing();
            }
            return false;
        });
    }

    private Optional<DeclaredPlace> declared(String name) {
        return places.all().stream().filter(candidate -> candidate.name().equals(name)).findFirst();
    }

    private List<DeclaredPlace> backupsFor(Recording recording) {
        String home = tenants.get(recording.tenantId()).homeRegionCode();
        return places.recordingStorageFor(home).stream().filter(place -> place.backupFor().isPresent()).toList();
    }

    private EntityManager em() {
        return entityManager.get();
    }
}
