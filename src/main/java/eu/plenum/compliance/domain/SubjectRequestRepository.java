package eu.plenum.compliance.domain;

import eu.plenum.compliance.SubjectRequestView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The queue of data-subject requests (V042), in native SQL. Every read for an officer is scoped by
 * tenant here; the export job claims rows with {@code FOR UPDATE SKIP LOCKED} in short transactions
 * and records progress and outcome only under its claim.
 */
@ApplicationScoped
public class SubjectRequestRepository {

    private static final String COLUMNS = """
            id, tenant_id, kind, email, state, source, created_at, deadline_at, categories_done, categories_total,
            completed_at, export_expires_at, failure""";

    /** Looked up when used: an edge node has no persistence unit. */
    private final Instance<EntityManager> databases;

    SubjectRequestRepository(Instance<EntityManager> databases) {
        this.databases = databases;
    }

    /** A new request, as the queue stores it. */
    public record NewRequest(UUID id, String tenantId, String kind, String email, String subjectKey, String source,
            String createdBy, Instant createdAt, Instant deadline) {
    }

    public void insert(NewRequest request) {
        db().createNativeQuery("""
                INSERT INTO compliance_subject_request (id, tenant_id, kind, email, subject_key, state, source, created_by,
                    created_at, deadline_at)
                VALUES (:id, :tenant, :kind, :email, :key, 'OPEN', :source, :by, :at, :deadline)""")
                .setParameter("id", request.id()).setParameter("tenant", request.tenantId()).setParameter("kind", request.kind())
                .setParameter("email", request.email()).setParameter("key", request.subjectKey())
                .setParameter("source", request.source()).setParameter("by", request.createdBy())
                .setParameter("at", utc(request.createdAt())).setParameter("deadline", utc(request.deadline()))
                .executeUpdate();
    }

    /** The newest requests of one tenant, or (tenant empty) of every tenant. */
    @SuppressWarnings("unchecked")
    public List<SubjectRequestView> latestForTenant(Optional<String> tenantId, int limit) {
        jakarta.persistence.Query query = db().createNativeQuery("SELECT " + COLUMNS + " FROM compliance_subject_request"
                + (tenantId.isPresent() ? " WHERE tenant_id = :tenant" : "") + " ORDER BY created_at DESC, id LIMIT :limit")
                .setParameter("limit", limit);
        tenantId.ifPresent(tenant -> query.setParameter("tenant", tenant));
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(SubjectRequestRepository::view).toList();
    }

    @SuppressWarnings("unchecked")
    public Optional<SubjectRequestView> find(UUID id) {
        List<Object[]> rows = db().createNativeQuery("SELECT " + COLUMNS + " FROM compliance_subject_request WHERE id = :id")
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(SubjectRequestRepository::view);
    }

    /** Puts an open (or failed) access request in the export job's queue; false when it is in no such state. */
    public boolean queueExport(UUID id) {
        return db().createNativeQuery("""
                UPDATE compliance_subject_request SET state = 'QUEUED', categories_done = 0, categories_total = 0,
                    failure = NULL, claim_id = NULL, claimed_at = NULL
                WHERE id = :id AND kind = 'ACCESS' AND state IN ('OPEN', 'FAILED')""")
                .setParameter("id", id).executeUpdate() == 1;
    }

    /** A claimed export: what the job needs, detached from any transaction. */
    public record ClaimedExport(UUID id, String tenantId, String email, String subjectKey) {
    }

    /**
     * Claims the oldest queued export (or one whose claim went stale) for {@code claim}; rows another
     * node holds are skipped. The caller commits at once and works outside the transaction.
     */
    @SuppressWarnings("unchecked")
    public Optional<ClaimedExport> claimNext(Instant now, Instant staleBefore, UUID claim) {
        List<Object[]> rows = db().createNativeQuery("""
                UPDATE compliance_subject_request SET state = 'EXPORTING', claim_id = :claim, claimed_at = :now,
                    categories_done = 0
                WHERE id = (SELECT id FROM compliance_subject_request
                    WHERE state = 'QUEUED' OR (state = 'EXPORTING' AND claimed_at < :stale)
                    ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, tenant_id, email, subject_key""")
                .setParameter("claim", claim).setParameter("now", utc(now)).setParameter("stale", utc(staleBefore))
                .getResultList();
        return rows.stream().findFirst().map(row -> new ClaimedExport((UUID) row[0], (String) row[1], (String) row[2],
                (String) row[3]));
    }

    /** Progress under the claim; renews the claim, so a long export is not taken over; false when the claim was lost. */
    public boolean progress(UUID id, UUID claim, int done, int total, Instant now) {
        return db().createNativeQuery("""
                UPDATE compliance_subject_request SET categories_done = :done, categories_total = :total, claimed_at = :now
                WHERE id = :id AND claim_id = :claim AND state = 'EXPORTING'""")
                .setParameter("done", done).setParameter("total", total).setParameter("now", utc(now))
                .setParameter("id", id).setParameter("claim", claim).executeUpdate() == 1;
    }

    public boolean completed(UUID id, UUID claim, String file, long bytes, Instant at, Instant expires) {
        return db().createNativeQuery("""
                UPDATE compliance_subject_request SET state = 'EXPORTED', export_file = :file, export_bytes = :bytes,
                    completed_at = :at, export_expires_at = :expires, claim_id = NULL, claimed_at = NULL,
                    categories_done = categories_total
                WHERE id = :id AND claim_id = :claim AND state = 'EXPORTING'""")
                .setParameter("file", file).setParameter("bytes", bytes).setParameter("at", utc(at))
                .setParameter("expires", utc(expires)).setParameter("id", id).setParameter("claim", claim)
                .executeUpdate() == 1;
    }

    public void failed(UUID id, UUID claim, String failure) {
        db().createNativeQuery("""
                UPDATE compliance_subject_request SET state = 'FAILED', failure = :failure, claim_id = NULL, claimed_at = NULL
                WHERE id = :id AND claim_id = :claim AND state = 'EXPORTING'""")
                .setParameter("failure", failure.length() > 500 ? failure.substring(0, 500) : failure)
                .setParameter("id", id).setParameter("claim", claim).executeUpdate();
    }

    /** The file of a finished export, while it may be downloaded. */
    public Optional<String> exportFile(UUID id, Instant now) {
        List<?> rows = db().createNativeQuery("""
                SELECT export_file FROM compliance_subject_request
                WHERE id = :id AND state = 'EXPORTED' AND export_expires_at > :now""")
                .setParameter("id", id).setParameter("now", utc(now)).getResultList();
        return rows.stream().findFirst().map(String.class::cast);
    }

    /** The subject key of a request (for the audit log, which names people only by it). */
    public String subjectKey(UUID id) {
        return (String) db().createNativeQuery("SELECT subject_key FROM compliance_subject_request WHERE id = :id")
                .setParameter("id", id).getSingleResult();
    }

    /**
     * Closes finished exports past their keeping time, locked so that two nodes do not close one
     * twice: the request forgets the address and the file name; returns the files to delete.
     */
    @SuppressWarnings("unchecked")
    public List<String> closeExpired(Instant now, int limit) {
        return db().createNativeQuery("""
                UPDATE compliance_subject_request r SET state = 'CLOSED', email = NULL, export_file = NULL
                FROM (SELECT id, export_file FROM compliance_subject_request
                      WHERE state = 'EXPORTED' AND export_expires_at <= :now LIMIT :limit FOR UPDATE SKIP LOCKED) due
                WHERE r.id = due.id
                RETURNING due.export_file""")
                .setParameter("now", utc(now)).setParameter("limit", limit).getResultList();
    }

    /** The files that a finished export still names (the sweep keeps these, deletes strays). */
    @SuppressWarnings("unchecked")
    public List<String> liveFiles() {
        return db().createNativeQuery("SELECT export_file FROM compliance_subject_request WHERE export_file IS NOT NULL")
                .getResultList();
    }

    private static SubjectRequestView view(Object[] row) {
        return new SubjectRequestView((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], instant(row[6]), instant(row[7]), ((Number) row[8]).intValue(), ((Number) row[9]).intValue(),
                instant(row[10]), instant(row[11]), (String) row[12]);
    }

    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime time -> time.toInstant();
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private EntityManager db() {
        return databases.get();
    }
}
