package eu.plenum.compliance.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.plenum.scheduling.RegistrantCsv;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the chain for auditors, hashes included, as JSON lines or CSV, a page at a time. A
 * tenant's extract holds only that tenant's entries: each still carries its hashes, but the chain
 * can be verified only from the whole log (the other tenants' entries sit between them).
 */
@ApplicationScoped
public class AuditExport {

    /** The export formats. */
    public enum Format { JSONL, CSV }

    static final String CSV_HEADER = "seq,recorded_at,node_id,action,actor,tenant_id,subject_key,target,details,prev_hash,entry_hash\n";
    private static final int PAGE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditChainReader chain;

    AuditExport(AuditChainReader chain) {
        this.chain = chain;
    }

    /** Streams every entry (of one tenant, when {@code tenantId} is set) in seq order; returns how many. */
    public long write(OutputStream out, Format format, String tenantId) throws IOException {
        if (format == Format.CSV) {
            out.write(CSV_HEADER.getBytes(StandardCharsets.UTF_8));
        }
        long after = 0;
        long written = 0;
        while (true) {
            long from = after;
            List<AuditRow> page = QuarkusTransaction.requiringNew().call(() -> chain.page(from, PAGE, tenantId));
            if (page.isEmpty()) {
                return written;
            }
            for (AuditRow row : page) {
                out.write((format == Format.CSV ? csvLine(row) : json(row)).getBytes(StandardCharsets.UTF_8));
                after = row.seq();
                written++;
            }
        }
    }

    private static String json(AuditRow row) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", row.seq());
        line.put("recordedAt", row.recordedAt().toString());
        line.put("nodeId", row.nodeId());
        line.put("action", row.entry().action());
        line.put("actor", row.entry().actor());
        line.put("tenantId", row.entry().tenantId());
        line.put("subjectKey", row.entry().subject());
        line.put("target", row.entry().target());
        line.put("details", new java.util.TreeMap<>(row.entry().details()));
        line.put("prevHash", row.prevHash());
        line.put("entryHash", row.entryHash());
        try {
            return JSON.writeValueAsString(line) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entry as a CSV line (pure, so that the fuzz tests can reach it). */
    public static String csvLine(AuditRow row) {
        return String.join(",", Long.toString(row.seq()), row.recordedAt().toString(), cell(row.nodeId()), cell(row.entry().action()),
                cell(row.entry().actor()), cell(row.entry().tenantId()), cell(row.entry().subject()), cell(row.entry().target()),
                cell(ChainedAuditTrail.sortedJson(row.entry().details())), row.prevHash(), row.entryHash()) + "\n";
    }

    /** Quotes a CSV cell and defuses what a spreadsheet would run as a formula, as every CSV of Plenum does. */
    private static String cell(String value) {
        return value == null ? "" : RegistrantCsv.field(value);
    }
}
