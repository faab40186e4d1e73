package eu.plenum.compliance.audit;

import eu.plenum.shared.AuditEntry;
import java.time.Instant;

/** One stored entry of the chain as read back, with the hashes, for verification and export. */
public record AuditRow(long seq, Instant recordedAt, String nodeId, AuditEntry entry,
        String prevHash, String entryHash) {

    /** The hash this row should carry if nothing in it was changed. */
    String recomputedHash() {
        return ChainedAuditTrail.hash(prevHash, ChainedAuditTrail.canonical(seq, recordedAt, nodeId, entry,
                ChainedAuditTrail.sortedJson(entry.details())));
    }
}
