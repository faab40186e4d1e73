package eu.plenum.compliance.erasure;

import eu.plenum.identity.TenantDirectory;
import eu.plenum.media.RecordingErasurePolicy;
import eu.plenum.media.RecordingErasures;
import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import eu.plenum.shared.InvalidInputException;
import eu.plenum.shared.NotFoundException;
import eu.plenum.shared.SubjectKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Requesting an erasure and reading its receipt. A request stores the address only until the job has
 * erased the database part ({@link ErasureJob}); the officer's scope is checked by the caller.
 */
@ApplicationScoped
public class Erasures {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s@]{1,64}@[^\\s@]{1,253}");

    private final Instance<EntityManager> entityManager;
    private final SubjectKeys keys;
    private final AuditTrail audit;
    private final TenantDirectory tenants;
    private final RecordingErasures recordings;
    private final ErasedSubjectList list;

    Erasures(Instance<EntityManager> entityManager, SubjectKeys keys, AuditTrail audit, TenantDirectory tenants,
            RecordingErasures recordings, ErasedSubjectList list) {
        this.entityManager = entityManager;
        this.keys = keys;
        this.audit = audit;
        this.tenants = tenants;
        this.recordings = recordings;
        this.list = list;
    }

    /** Queues the erasure of {@code email} in {@code tenantId}; audited as {@code erasure.requested}. */
    @Transactional
    public UUID request(String tenantId, String email, UUID requestId, String actor) {
        String address = SubjectKeys.normalise(email);
        if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
            throw InvalidInputException.of("email", "An e-mail address, at most 254 characters.");
        }
        tenants.get(tenantId);
        UUID id = UUID.randomUUID();
        String subject = keys.of(tenantId, address);
        em().createNativeQuery("""
                INSERT INTO compliance_erasure (id, tenant_id, email, subject_key, request_id, requested_by, state)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'REQUESTED')""")
                .setParameter(1, id).setParameter(2, tenantId).setParameter(3, address).setParameter(4, subject)
                .setParameter(5, requestId).setParameter(6, actor).executeUpdate();
        Map<String, String> details = new HashMap<>();
        if (requestId != null) {
            details.put("requestId", requestId.toString());
        }
        audit.record(new AuditEntry("erasure.requested", actor, tenantId, subject, "erasure:" + id, details));
        return id;
    }

    /** The tenant whose data an erasure concerns (for the officer's scope), or 404. */
    @Transactional
    public String tenantOf(UUID id) {
        List<?> rows = em().createNativeQuery("SELECT tenant_id FROM compliance_erasure WHERE id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("No erasure " + id + ".");
        }
        return (String) rows.get(0);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public ErasureReceipt receipt(UUID id) {
        List<Object[]> rows = em().createNativeQuery("""
                SELECT tenant_id, state, subject_key, request_id, requested_by, requested_at, database_erased_at, completed_at
                FROM compliance_erasure WHERE id = ?1""").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("No erasure " + id + ".");
        }
        Object[] row = rows.get(0);
        List<ErasureReceipt.Category> categories = ((List<Object[]>) em().createNativeQuery(
                "SELECT category, location, items FROM compliance_erasure_count WHERE erasure_id = ?1 ORDER BY category")
                .setParameter(1, id).getResultList()).stream()
                .map(line -> new ErasureReceipt.Category((String) line[0], (String) line[1], ((Number) line[2]).intValue())).toList();
        List<ErasureReceipt.File> files = ((List<Object[]>) em().createNativeQuery("""
                SELECT recording_id, place, region, backup, outcome, sha256, size_bytes, done_at FROM compliance_erasure_file
                WHERE erasure_id = ?1 ORDER BY recording_id, backup, place""").setParameter(1, id).getResultList()).stream()
                .map(line -> new ErasureReceipt.File((UUID) line[0], (String) line[1], (String) line[2], (Boolean) line[3],
                        (String) line[4], (String) line[5], line[6] == null ? null : ((Number) line[6]).longValue(), instant(line[7])))
                .toList();
        return new ErasureReceipt(id, (String) row[0], (String) row[1], (String) row[2], (UUID) row[3], (String) row[4],
                instant(row[5]), instant(row[6]), instant(row[7]), categories, files,
                list.files().stream().map(path -> path.toAbsolutePath().toString()).toList());
    }

    @Transactional
    public RecordingErasurePolicy recordingPolicy(String tenantId) {
        tenants.get(tenantId);
        return recordings.policy(tenantId);
    }

    /** The tenant's choice for recordings of erased publishers; audited as {@code config.changed}. */
    @Transactional
    public void chooseRecordingPolicy(String tenantId, RecordingErasurePolicy policy, String actor) {
        tenants.get(tenantId);
        recordings.choose(tenantId, policy);
        audit.record(new AuditEntry("config.changed", actor, tenantId, null, "erasure-recording-policy:" + tenantId,
                Map.of("recordings", policy.name())));
    }

    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Timestamp timestamp -> timestamp.toInstant();
            case OffsetDateTime time -> time.toInstant();
            case Instant instant -> instant;
            default -> throw new IllegalArgumentException("not a time: " + value.getClass());
        };
    }

    private EntityManager em() {
        return entityManager.get();
    }
}
