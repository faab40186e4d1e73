package eu.plenum.compliance.erasure;

import eu.plenum.media.ErasedRecordingFile;
import eu.plenum.media.RecordingErasures;
import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs queued erasures on every app node, each erasure on one node at a time: claimed in a short
 * transaction (SKIP LOCKED, a claim token and a lease), then (1) the person is appended to the list
 * of erased people outside the database, with no transaction open, (2) the database part runs in one
 * transaction and forgets the address, (3) the files: the media copy job deletes every file of the
 * person's recordings at every storage place, and once none is pending the receipt gets each file and
 * the erasure is complete. A node that dies at any step leaves its lease to run out; the next run
 * resumes from the state the database holds (each step is idempotent).
 */
@ApplicationScoped
class ErasureJob {

    private static final Logger LOG = Logger.getLogger(ErasureJob.class);
    static final String ACTOR = "system:erasure";
    private static final int MAX_ATTEMPTS = 5;

    private final Instance<EntityManager> entityManager;
    private final ErasedSubjectList list;
    private final DatabaseErasure database;
    private final RecordingErasures recordings;
    private final AuditTrail audit;
    private final boolean enabled;
    private final Duration lease;

    ErasureJob(Instance<EntityManager> entityManager, ErasedSubjectList list, DatabaseErasure database, RecordingErasures recordings,
            AuditTrail audit, NodeConfig node, @ConfigProperty(name = "plenum.compliance.erasure-lease", defaultValue = "PT5M") Duration lease) {
        this.entityManager = entityManager;
        this.list = list;
        this.database = database;
        this.recordings = recordings;
        this.audit = audit;
        this.enabled = node.plays(NodeRole.APP);
        this.lease = lease;
    }

    /** A claimed erasure: what its steps need, read in the claiming transaction. */
    record Claim(UUID id, UUID token, String tenantId, String email, String subjectKey, String state, String requestedBy) {
    }

    @Scheduled(every = "${plenum.compliance.erasure-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        if (!enabled) {
            return;
        }
        for (int done = 0; done < 20; done++) {
            Optional<Claim> due = QuarkusTransaction.requiringNew().call(this::claim);
            if (due.isEmpty()) {
                return;
            }
            work(due.get());
        }
    }

    void work(Claim claim) {
        try {
            if (claim.state().equals("REQUESTED")) {
                list.append(new ErasedSubjectList.Entry(claim.tenantId(), claim.subjectKey(), claim.id(), Instant.now()));
                if (!QuarkusTransaction.requiringNew().call(() -> eraseDatabase(claim))) {
                    return; // taken over meanwhile
                }
            }
            QuarkusTransaction.requiringNew().run(() -> finishOrWait(claim));
        } catch (RuntimeException e) {
            // The exception's class only: a message could quote the data being erased.
            LOG.warnf("Erasure %s failed (%s); it is retried", claim.id(), e.getClass().getName());
            QuarkusTransaction.requiringNew().run(() -> failed(claim, e.getClass().getSimpleName()));
        }
    }

    @SuppressWarnings("unchecked")
    private Optional<Claim> claim() {
        List<Object[]> rows = em().createNativeQuery("""
                SELECT id, tenant_id, email, subject_key, state, requested_by FROM compliance_erasure
                WHERE state IN ('REQUESTED', 'FILES') AND (claimed_until IS NULL OR claimed_until < now())
                ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED""").getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        UUID token = UUID.randomUUID();
        em().createNativeQuery("UPDATE compliance_erasure SET claim_token = ?1, claimed_until = ?2 WHERE id = ?3")
                .setParameter(1, token).setParameter(2, Instant.now().plus(lease)).setParameter(3, row[0]).executeUpdate();
        return Optional.of(new Claim((UUID) row[0], token, (String) row[1], (String) row[2], ((String) row[3]).strip(),
                (String) row[4], (String) row[5]));
    }

    /** Locks the erasure's row; false when another node took the claim over after this one's lease ran out. */
    private boolean stillOurs(Claim claim) {
        List<?> token = em().createNativeQuery("SELECT claim_token FROM compliance_erasure WHERE id = ?1 FOR UPDATE")
                .setParameter(1, claim.id()).getResultList();
        return !token.isEmpty() && claim.token().equals(token.get(0));
    }

    private boolean eraseDatabase(Claim claim) {
        if (!stillOurs(claim)) {
            return false;
        }
        Map<String, Integer> counts = database.erase(claim.tenantId(), claim.email());
        String location = database.location();
        counts.forEach((category, items) -> em().createNativeQuery("""
                INSERT INTO compliance_erasure_count (erasure_id, category, location, items) VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, claim.id()).setParameter(2, category).setParameter(3, location).setParameter(4, items).executeUpdate());
        database.noteErased(claim.tenantId(), claim.subjectKey(), claim.id(), Instant.now());
        em().createNativeQuery("""
                UPDATE compliance_erasure SET state = 'FILES', email = NULL, database_erased_at = now() WHERE id = ?1""")
                .setParameter(1, claim.id()).executeUpdate();
        return true;
    }

    /** Completes the receipt once no file of the person's recordings is still to delete; else waits for the copy job. */
    private void finishOrWait(Claim claim) {
        if (!stillOurs(claim)) {
            return;
        }
        List<ErasedRecordingFile> files = recordings.files(claim.tenantId(), claim.subjectKey());
        if (files.stream().anyMatch(ErasedRecordingFile::pending)) {
            waitForFiles(claim);
            return;
        }
        for (ErasedRecordingFile file : files) {
            em().createNativeQuery("""
                    INSERT INTO compliance_erasure_file (erasure_id, recording_id, place, region, backup, outcome, sha256, size_bytes, done_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING""")
                    .setParameter(1, claim.id()).setParameter(2, file.recordingId()).setParameter(3, file.place())
                    .setParameter(4, file.region()).setParameter(5, file.backup()).setParameter(6, file.outcome())
                    .setParameter(7, file.sha256()).setParameter(8, file.sizeBytes()).setParameter(9, file.doneAt()).executeUpdate();
        }
        Number items = (Number) em().createNativeQuery("SELECT coalesce(sum(items), 0) FROM compliance_erasure_count WHERE erasure_id = ?1")
                .setParameter(1, claim.id()).getSingleResult();
        em().createNativeQuery("""
                UPDATE compliance_erasure SET state = 'COMPLETED', completed_at = now(), claim_token = NULL, claimed_until = NULL
                WHERE id = ?1""").setParameter(1, claim.id()).executeUpdate();
        audit.record(new AuditEntry("erasure.completed", ACTOR, claim.tenantId(), claim.subjectKey(), "erasure:" + claim.id(),
                Map.of("items", items.toString(), "files", Long.toString(files.stream().filter(file -> file.outcome().equals("DELETED")).count()),
                        "flaggedForReview", Long.toString(files.stream().filter(file -> file.outcome().equals("FLAGGED_FOR_REVIEW")).count()),
                        "requestedBy", claim.requestedBy())));
    }

    /** Gives the claim up, and the erasure a second's rest, so that this run does not take it straight back. */
    private void waitForFiles(Claim claim) {
        em().createNativeQuery("""
                UPDATE compliance_erasure SET claim_token = NULL, claimed_until = now() + interval '1 second'
                WHERE id = ?1 AND claim_token = ?2""")
                .setParameter(1, claim.id()).setParameter(2, claim.token()).executeUpdate();
    }

    private void failed(Claim claim, String error) {
        em().createNativeQuery("""
                UPDATE compliance_erasure SET attempts = attempts + 1, last_error = ?1, claim_token = NULL, claimed_until = NULL,
                    state = CASE WHEN state = 'REQUESTED' AND attempts + 1 >= ?2 THEN 'FAILED' ELSE state END
                WHERE id = ?3 AND claim_token = ?4""")
                .setParameter(1, error).setParameter(2, MAX_ATTEMPTS).setParameter(3, claim.id()).setParameter(4, claim.token())
                .executeUpdate();
    }

    private EntityManager em() {
        return entityManager.get();
    }
}
