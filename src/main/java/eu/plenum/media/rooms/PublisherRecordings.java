package eu.plenum.media.rooms;

import eu.plenum.identity.TenantDirectory;
import eu.plenum.media.ErasedRecordingFile;
import eu.plenum.media.RecordingErasurePolicy;
import eu.plenum.residency.DeclaredPlace;
import eu.plenum.residency.DeclaredPlaces;
import eu.plenum.shared.ExportValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recordings in which one person published (found by the keyed hash of their address on the
 * publisher, {@link PublisherSubjects}), and what erasing that person does with them: by default
 * the recordings are erased and every file of theirs, at the home site and at each backup, is
 * marked for the copy job to delete; a tenant that chose review keeps them, unpublished and flagged.
 */
@ApplicationScoped
public class PublisherRecordings {

    private final Instance<EntityManager> entityManager;
    private final DeclaredPlaces places;
    private final TenantDirectory tenants;

    PublisherRecordings(Instance<EntityManager> entityManager, DeclaredPlaces places, TenantDirectory tenants) {
        this.entityManager = entityManager;
        this.places = places;
        this.tenants = tenants;
    }

    /** The person's recordings, not erased, oldest first: metadata and where the tenant's staff download the file. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Map<String, Object>> export(String tenantId, String subjectKey) {
        return of(tenantId, subjectKey).stream().map(recording -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", recording.id().toString());
            item.put("sessionId", recording.sessionId().toString());
            item.put("roomId", recording.roomId().toString());
            item.put("tracks", recording.tracks());
            item.put("container", recording.container());
            item.put("status", recording.status().name());
            item.put("startedAt", ExportValues.of(recording.startedAt()));
            item.put("endedAt", ExportValues.of(recording.endedAt()));
            item.put("durationMs", recording.durationMs());
            item.put("sizeBytes", recording.sizeBytes());
            item.put("sha256", recording.sha256());
            item.put("publishedAt", ExportValues.of(recording.publishedAt()));
            item.put("underErasureReview", recording.erasureReviewSince() != null);
            item.put("download", "/api/recordings/" + recording.id() + "/media");
            return item;
        }).toList();
    }

    /** Erases (or flags for review) the person's recordings and unlinks them from their publishing sessions; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(String tenantId, String subjectKey) {
        List<Recording> recordings = of(tenantId, subjectKey);
        boolean review = policy(tenantId) == RecordingErasurePolicy.REVIEW;
        for (Recording recording : recordings) {
            if (review) {
                recording.heldForReview(subjectKey);
            } else {
                recording.erased(subjectKey);
                markFilesForDeletion(recording);
            }
        }
        em().createQuery("update RoomPublisher p set p.subjectKey = null where p.tenantId = ?1 and p.subjectKey = ?2")
                .setParameter(1, tenantId).setParameter(2, subjectKey).executeUpdate();
        return recordings.size();
    }

    /** The files of the recordings erased for the person (or held for review), each at each place. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ErasedRecordingFile> files(String tenantId, String subjectKey) {
        List<Recording> erased = em().createQuery("from Recording r where r.tenantId = ?1 and r.erasedFor = ?2 order by r.startedAt, r.id",
                Recording.class).setParameter(1, tenantId).setParameter(2, subjectKey).getResultList();
        List<ErasedRecordingFile> files = new java.util.ArrayList<>();
        for (Recording recording : erased) {
            if (recording.status() != Recording.Status.ERASED) {
                files.add(new ErasedRecordingFile(recording.id(), recording.storagePlace(), recording.storageRegion(), false,
                        "FLAGGED_FOR_REVIEW", recording.sha256(), recording.sizeBytes(), recording.erasureReviewSince()));
                continue;
            }
            em().createQuery("from RecordingCopy c where c.key.recordingId = ?1 order by c.backup, c.key.place", RecordingCopy.class)
                    .setParameter(1, recording.id()).getResultStream().forEach(copy -> files.add(new ErasedRecordingFile(recording.id(),
                            copy.place(), copy.region(), copy.backup(), outcome(copy), copy.sha256(), copy.sizeBytes(), copy.deletedAt())));
        }
        return files;
    }

    private static String outcome(RecordingCopy copy) {
        if (copy.status() != RecordingCopy.Status.DELETED) {
            return "PENDING";
        }
        return copy.sha256() == null ? "ABSENT" : "DELETED";
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public RecordingErasurePolicy policy(String tenantId) {
        List<?> rows = em().createNativeQuery("SELECT recordings FROM media_erasure_policy WHERE tenant_id = ?1")
                .setParameter(1, tenantId).getResultList();
        return rows.isEmpty() ? RecordingErasurePolicy.DELETE : RecordingErasurePolicy.valueOf((String) rows.get(0));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void choose(String tenantId, RecordingErasurePolicy policy) {
        em().createNativeQuery("""
                INSERT INTO media_erasure_policy (tenant_id, recordings, changed_at) VALUES (?1, ?2, now())
                ON CONFLICT (tenant_id) DO UPDATE SET recordings = excluded.recordings, changed_at = excluded.changed_at""")
                .setParameter(1, tenantId).setParameter(2, policy.name()).executeUpdate();
    }

    private List<Recording> of(String tenantId, String subjectKey) {
        return em().createQuery("""
                from Recording r where r.tenantId = ?1 and r.status <> ?2 and r.erasedFor is null
                and r.publisherId in (select p.id from RoomPublisher p where p.tenantId = ?1 and p.subjectKey = ?3)
                order by r.startedAt, r.id""", Recording.class)
                .setParameter(1, tenantId).setParameter(2, Recording.Status.ERASED).setParameter(3, subjectKey).getResultList();
    }

    /** Every place the recording's file is or may be: its home storage and each backup declared for the tenant's region. */
    private void markFilesForDeletion(Recording recording) {
        List<RecordingCopy> copies = em().createQuery("from RecordingCopy c where c.key.recordingId = ?1", RecordingCopy.class)
                .setParameter(1, recording.id()).getResultList();
        copies.forEach(RecordingCopy::markForDeletion);
        if (copies.stream().noneMatch(copy -> copy.place().equals(recording.storagePlace()))) {
            RecordingCopy home = new RecordingCopy(recording.id(), recording.storagePlace(), recording.storageRegion(), false);
            home.markForDeletion();
            em().persist(home);
        }
        String homeRegion = tenants.get(recording.tenantId()).homeRegionCode();
        for (DeclaredPlace backup : places.recordingStorageFor(homeRegion)) {
            if (backup.backupFor().isPresent() && copies.stream().noneMatch(copy -> copy.place().equals(backup.name()))) {
                RecordingCopy copy = new RecordingCopy(recording.id(), backup.name(), backup.region().code(), true);
                copy.markForDeletion();
                em().persist(copy);
            }
        }
    }

    private EntityManager em() {
        return entityManager.get();
    }

}
