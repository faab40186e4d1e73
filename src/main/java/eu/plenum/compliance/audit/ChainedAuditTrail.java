package eu.plenum.compliance.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Appends audit entries to {@code compliance_audit_entry}, each chained to the one before by its
 * hash. Nodes append concurrently: a transaction-scoped advisory lock orders them, so the chain
 * stays one line. The lock is held until the caller commits, so callers record as the last step of
 * their transaction, after their own work.
 */
@ApplicationScoped
public class ChainedAuditTrail implements AuditTrail {

    /** Advisory lock key of the chain's head ("audit" in ASCII). */
    static final long HEAD_LOCK = 0x6175646974L;
    /** prev_hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private final Instance<EntityManager> entityManager;
    private final Clock clock;
    /** A plain mapper, not the application's: the canonical text must not change with JSON settings. */
    private static final ObjectMapper CANONICAL_JSON = new ObjectMapper();
    private final String nodeId;

    ChainedAuditTrail(Instance<EntityManager> entityManager, Clock clock,
            @ConfigProperty(name = "plenum.node-id", defaultValue = "local") String nodeId) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.nodeId = nodeId;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditEntry entry) {
        EntityManager em = entityManager.get();
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, HEAD_LOCK).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> head = em.createNativeQuery(
                "SELECT seq, entry_hash FROM compliance_audit_entry ORDER BY seq DESC LIMIT 1").getResultList();
        long seq = head.isEmpty() ? 1 : ((Number) head.get(0)[0]).longValue() + 1;
        String prevHash = head.isEmpty() ? GENESIS : ((String) head.get(0)[1]);
        // Microseconds: what timestamptz keeps, so the hash recomputed from the row matches.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String details = sortedJson(entry.details());
        String hash = hash(prevHash, canonical(seq, at, nodeId, entry, details));
        em.createNativeQuery("INSERT INTO compliance_audit_entry (seq, recorded_at, node_id, action, actor, tenant_id, "
                        + "subject_key, target, details, prev_hash, entry_hash) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?9 AS jsonb), ?10, ?11)")
                .setParameter(1, seq).setParameter(2, Timestamp.from(at)).setParameter(3, nodeId)
                .setParameter(4, entry.action()).setParameter(5, entry.actor()).setParameter(6, entry.tenantId())
                .setParameter(7, entry.subject()).setParameter(8, entry.target()).setParameter(9, details)
                .setParameter(10, prevHash).setParameter(11, hash)
                .executeUpdate();
    }

    @Override
    public void recordAlone(AuditEntry entry) {
        QuarkusTransaction.requiringNew().run(() -> record(entry));
    }

    /** The details as JSON with sorted keys: what the hash covers (jsonb's own text form reorders them). */
    static String sortedJson(Map<String, String> details) {
        try {
            return CANONICAL_JSON.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details are not serialisable", e);
        }
    }

    /**
     * The text an entry's hash covers: every column but the hashes, one per line, in a fixed order;
     * details as sorted JSON. A verifier rebuilds it from the row.
     */
    static String canonical(long seq, Instant at, String node, AuditEntry entry, String sortedDetails) {
        return String.join("\n", Long.toString(seq), at.toString(), node, entry.action(), entry.actor(),
                String.valueOf(entry.tenantId()), String.valueOf(entry.subject()), String.valueOf(entry.target()), sortedDetails);
    }

    static String hash(String prevHash, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
