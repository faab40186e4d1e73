package eu.plenum.compliance.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.plenum.shared.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the chain in seq order, a page at a time, so a long log is never held in memory at once. */
@ApplicationScoped
class AuditChainReader {

    private static final String COLUMNS = "seq, recorded_at, node_id, action, actor, tenant_id, subject_key, target, "
            + "details::text, prev_hash, entry_hash";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() { };

    private final Instance<EntityManager> entityManager;

    AuditChainReader(Instance<EntityManager> entityManager) {
        this.entityManager = entityManager;
    }

    /** Up to {@code limit} rows after {@code afterSeq}, optionally of one tenant only. */
    List<AuditRow> page(long afterSeq, int limit, String tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.get().createNativeQuery("SELECT " + COLUMNS + " FROM compliance_audit_entry"
                        + " WHERE seq > ?1 AND (CAST(?2 AS varchar) IS NULL OR tenant_id = CAST(?2 AS varchar)) ORDER BY seq LIMIT ?3")
                .setParameter(1, afterSeq).setParameter(2, tenantId).setParameter(3, limit).getResultList();
        List<AuditRow> page = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            page.add(row(row));
        }
        return page;
    }

    /** The newest entry: what an anchor records. */
    Optional<AuditRow> head() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.get().createNativeQuery(
                "SELECT " + COLUMNS + " FROM compliance_audit_entry ORDER BY seq DESC LIMIT 1").getResultList();
        return rows.stream().findFirst().map(AuditChainReader::row);
    }

    /** The seq of whichever row carries this entry hash, if any: tells a reordered row from a deleted one. */
    Optional<Long> seqOfHash(String entryHash) {
        @SuppressWarnings("unchecked")
        List<Number> rows = entityManager.get().createNativeQuery(
                "SELECT seq FROM compliance_audit_entry WHERE entry_hash = ?1").setParameter(1, entryHash).getResultList();
        return rows.stream().findFirst().map(Number::longValue);
    }

    /** Where the chain starts: the latest pruning checkpoint, or seq 1 with the genesis hash. */
    ChainStart start() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.get().createNativeQuery(
                "SELECT first_seq, prev_hash FROM compliance_audit_checkpoint ORDER BY first_seq DESC LIMIT 1").getResultList();
        return rows.stream().findFirst()
                .map(row -> new ChainStart(((Number) row[0]).longValue(), (String) row[1]))
                .orElse(new ChainStart(1, ChainedAuditTrail.GENESIS));
    }

    /** This database's chain id (V041), which names its anchor file. */
    String chainId() {
        return entityManager.get().createNativeQuery("SELECT CAST(id AS varchar) FROM compliance_audit_chain").getSingleResult().toString();
    }

    record ChainStart(long firstSeq, String prevHash) {
    }

    private static AuditRow row(Object[] row) {
        AuditEntry entry = new AuditEntry((String) row[3], (String) row[4], (String) row[5], trim(row[6]), (String) row[7],
                details((String) row[8]));
        return new AuditRow(((Number) row[0]).longValue(), instant(row[1]), (String) row[2], entry, trim(row[9]), trim(row[10]));
    }

    private static Map<String, String> details(String json) {
        try {
            return JSON.readValue(json, DETAILS);
        } catch (JsonProcessingException e) {
            // Not a map of strings: someone wrote it by hand; the hash check then reports the row as edited.
            return Map.of("unreadable", json);
        }
    }

    private static String trim(Object value) {
        return value == null ? null : value.toString().trim();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }
}
