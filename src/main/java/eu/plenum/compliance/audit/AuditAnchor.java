package eu.plenum.compliance.audit;

import java.time.Instant;

/** The chain's head as written outside the database at one moment: deleting newer entries cannot undo it. */
public record AuditAnchor(long seq, String entryHash, Instant recordedAt, Instant anchoredAt, String nodeId) {

    String line() {
        return seq + " " + entryHash + " " + recordedAt + " " + anchoredAt + " " + nodeId + "\n";
    }

    static AuditAnchor parse(String line) {
        String[] parts = line.trim().split(" ");
        if (parts.length != 5) {
            throw new IllegalStateException("not an audit anchor line");
        }
        return new AuditAnchor(Long.parseLong(parts[0]), parts[1], Instant.parse(parts[2]), Instant.parse(parts[3]), parts[4]);
    }
}
