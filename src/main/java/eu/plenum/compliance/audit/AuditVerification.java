package eu.plenum.compliance.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Walks the chain from its start and recomputes every hash; then compares its end with the last
 * anchor outside the database. Reports the first entry that does not hold and whether it was
 * edited, deleted, moved or cut off after an anchor.
 */
@ApplicationScoped
public class AuditVerification {

    private static final int PAGE = 1000;

    private final AuditChainReader chain;
    private final AuditAnchors anchors;

    AuditVerification(AuditChainReader chain, AuditAnchors anchors) {
        this.chain = chain;
        this.anchors = anchors;
    }

    @Transactional
    public AuditVerdict verify() {
        AuditAnchor anchor = anchors.latest(chain.chainId()).orElse(null);
        AuditChainReader.ChainStart start = chain.start();
        long expectedSeq = start.firstSeq();
        String expectedPrev = start.prevHash();
        String anchoredHashSeen = null;
        long checked = 0;
        Long head = null;
        List<AuditRow> page = chain.page(expectedSeq - 1, PAGE, null);
        while (!page.isEmpty()) {
            for (AuditRow row : page) {
                AuditVerdict.Kind broken = check(row, expectedSeq, expectedPrev);
                if (broken != null) {
                    long at = broken == AuditVerdict.Kind.DELETED && row.seq() > expectedSeq ? expectedSeq : row.seq();
                    return AuditVerdict.broken(checked, start.firstSeq(), chain.head().map(AuditRow::seq).orElse(null), anchor, at, broken);
                }
                if (anchor != null && row.seq() == anchor.seq()) {
                    anchoredHashSeen = row.entryHash();
                }
                expectedPrev = row.entryHash();
                expectedSeq = row.seq() + 1;
                head = row.seq();
                checked++;
            }
            page = chain.page(expectedSeq - 1, PAGE, null);
        }
        if (anchor != null && (head == null || head < anchor.seq())) {
            return AuditVerdict.broken(checked, start.firstSeq(), head, anchor, head == null ? start.firstSeq() : head + 1,
                    AuditVerdict.Kind.TRUNCATED_AFTER_ANCHOR);
        }
        if (anchor != null && anchor.seq() >= start.firstSeq() && !anchor.entryHash().equals(anchoredHashSeen)) {
            // The chain holds together but not the anchored entry: it was rewritten, hashes and all.
            return AuditVerdict.broken(checked, start.firstSeq(), head, anchor, anchor.seq(), AuditVerdict.Kind.EDITED);
        }
        return AuditVerdict.intact(checked, start.firstSeq(), head, anchor);
    }

    /** Why this row breaks the chain, or null when it follows its predecessor and its hash is its own. */
    private AuditVerdict.Kind check(AuditRow row, long expectedSeq, String expectedPrev) {
        if (row.seq() > expectedSeq) {
            return AuditVerdict.Kind.DELETED;
        }
        boolean selfConsistent = row.recomputedHash().equals(row.entryHash());
        if (!row.prevHash().equals(expectedPrev)) {
            boolean predecessorElsewhere = chain.seqOfHash(row.prevHash()).filter(seq -> seq != row.seq() - 1).isPresent();
            if (predecessorElsewhere) {
                return AuditVerdict.Kind.REORDERED;
            }
            return selfConsistent ? AuditVerdict.Kind.DELETED : AuditVerdict.Kind.EDITED;
        }
        return selfConsistent ? null : AuditVerdict.Kind.EDITED;
    }
}
