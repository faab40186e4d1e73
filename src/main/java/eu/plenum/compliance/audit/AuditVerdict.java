package eu.plenum.compliance.audit;

import java.time.Instant;

/**
 * The outcome of checking the chain: intact, or the first entry where it breaks and how.
 *
 * @param firstSeq    where the chain starts (1, or the first entry kept after retention pruned older ones)
 * @param headSeq     the newest entry in the table; null when the table is empty
 * @param anchoredSeq the head last written outside the database; null when none was yet
 * @param brokenSeq   the first entry that does not hold; null when the chain is intact
 */
public record AuditVerdict(boolean ok, long entriesChecked, long firstSeq, Long headSeq, Long anchoredSeq,
        Instant anchoredAt, Long brokenSeq, Kind kind, String explanation) {

    /** How the chain breaks at {@link #brokenSeq}. */
    public enum Kind {
        /** The row's content or hashes differ from what was appended. */
        EDITED,
        /** An entry is missing: a gap in seq, or a row whose predecessor is gone. */
        DELETED,
        /** The row is intact but not where it was appended: its predecessor sits elsewhere in the chain. */
        REORDERED,
        /** The newest entries are gone: the table ends before the last anchored head. */
        TRUNCATED_AFTER_ANCHOR
    }

    static AuditVerdict intact(long checked, long firstSeq, Long headSeq, AuditAnchor anchor) {
        return new AuditVerdict(true, checked, firstSeq, headSeq, anchor == null ? null : anchor.seq(),
                anchor == null ? null : anchor.anchoredAt(), null, null, "The chain is unbroken"
                        + (anchor == null ? "; no anchor was written yet." : " and reaches its last anchor."));
    }

    static AuditVerdict broken(long checked, long firstSeq, Long headSeq, AuditAnchor anchor, long seq, Kind kind) {
        String why = switch (kind) {
            case EDITED -> "Entry " + seq + " was changed after it was appended.";
            case DELETED -> "Entry " + seq + " is missing.";
            case REORDERED -> "Entry " + seq + " is out of its place in the chain.";
            case TRUNCATED_AFTER_ANCHOR -> "Entries from " + seq + " on are missing: the head anchored at "
                    + (anchor == null ? "?" : anchor.anchoredAt()) + " was entry " + (anchor == null ? "?" : anchor.seq()) + ".";
        };
        return new AuditVerdict(false, checked, firstSeq, headSeq, anchor == null ? null : anchor.seq(),
                anchor == null ? null : anchor.anchoredAt(), seq, kind, why);
    }
}
