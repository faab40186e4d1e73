package eu.plenum.media.rooms;

import eu.plenum.identity.TenantDirectory;
import eu.plenum.media.RecordingArchive;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Copies recordings to the backup site. While a recording is written it is mirrored to each
 * declared backup as it grows (authorised by the transfer guard once, then appended on every run),
 * so losing the primary site mid-session leaves the backup with all but the last seconds. Every
 * finished recording gets one catalogue row per storage place: its home-region file (verified at
 * once, the catalogue's SHA-256 was computed from it) and one per declared backup, copied whole
 * through the transfer guard and verified by SHA-256. Runs on every app node; rows are claimed
 * with SKIP LOCKED, so each copy is made once.
 */
@ApplicationScoped
public class RecordingReplicator {

    private static final Logger LOG = Logger.getLogger(RecordingReplicator.class);

    private final Instance<EntityManager> entityManager;
    private final DeclaredPlaces places;
    private final TenantDirectory tenants;
    private final RecordingArchive archive;
    private final boolean enabled;

    RecordingReplicator(Instance<EntityManager> entityManager, DeclaredPlaces places, TenantDirectory tenants,
            RecordingArchive archive, NodeConfig node) {
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
        QuarkusTransaction.requiringNew().run(this::mirrorGrowing);
        while (QuarkusTransaction.requiringNew().call(this::copyOne)) {
            // one copy per transaction, until none is due
        }
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
        List<Recording> finished = em().createQuery("from Recording r where r.status <> ?1 and r.sha256 is not null "
                + "and not exists (select 1 from RecordingCopy c where c.key.recordingId = r.id and c.backup = false)", Recording.class)
                .setParameter(1, Recording.Status.RECORDING).setMaxResults(100).getResultList();
        for (Recording recording : finished) {
            RecordingCopy home = new RecordingCopy(recording.id(), recording.storagePlace(), recording.storageRegion(), false);
            home.verified(recording.sha256(), recording.sizeBytes() == null ? 0 : recording.sizeBytes());
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

    /** Appends what each recording being written gained since the last run to its backup mirrors. */
    private void mirrorGrowing() {
        List<RecordingCopy> mirrors = em().createQuery("from RecordingCopy c where c.status = ?1", RecordingCopy.class)
                .setParameter(1, RecordingCopy.Status.GROWING).setMaxResults(100)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .getResultList();
        for (RecordingCopy mirror : mirrors) {
            Recording recording = em().find(Recording.class, mirror.recordingId());
            Optional<DeclaredPlace> place = places.all().stream().filter(candidate -> candidate.name().equals(mirror.place())).findFirst();
            if (recording.status() != Recording.Status.RECORDING || place.isEmpty()) {
                continue; // ended meanwhile: the next run copies it whole
            }
            try {
                mirror.grew(archive.appendLiveCopy(place.get(), recording.tenantId(), recording.roomId().toString(),
                        Path.of(recording.filePath()), mirror.sizeBytes() == null ? 0 : mirror.sizeBytes()));
            } catch (RuntimeException e) {
                LOG.warnf("Live copy of recording %s to %s failed: %s", recording.id(), mirror.place(), e.getMessage());
            }
        }
    }

    private boolean copyOne() {
        Optional<RecordingCopy> due = em().createQuery("from RecordingCopy c where c.status = ?1 order by c.requestedAt",
                RecordingCopy.class).setParameter(1, RecordingCopy.Status.PENDING).setMaxResults(1)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .getResultStream().findFirst();
        if (due.isEmpty()) {
            return false;
        }
        RecordingCopy copy = due.get();
        Recording recording = em().find(Recording.class, copy.recordingId());
        Optional<DeclaredPlace> place = places.all().stream().filter(candidate -> candidate.name().equals(copy.place())).findFirst();
        try {
            Path source = Path.of(recording.filePath());
            RecordingArchive.StoredCopy stored = archive.copyInto(place.orElseThrow(() ->
                    new IllegalStateException("storage place '" + copy.place() + "' is no longer declared")),
                    recording.tenantId(), recording.roomId().toString(), source, recording.sha256());
            copy.verified(stored.sha256(), stored.bytes());
        } catch (RuntimeException e) {
            LOG.warnf("Copy of recording %s to %s failed: %s", recording.id(), copy.place(), e.getMessage());
            copy.failed(e.getMessage());
            return false; // try again on the next run
        }
        return true;
    }

    private List<DeclaredPlace> backupsFor(Recording recording) {
        String home = tenants.get(recording.tenantId()).homeRegionCode();
        return places.recordingStorageFor(home).stream().filter(place -> place.backupFor().isPresent()).toList();
    }

    private EntityManager em() {
        return entityManager.get();
    }
}
