package eu.plenum.consent;

import eu.plenum.consent.domain.ConsentRecord;
import eu.plenum.consent.domain.ConsentRecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Records what data subjects were shown and agreed to, in the caller's transaction (a registration
 * and its privacy acknowledgement commit together or not at all). Declining is simply no record:
 * nothing here gates watching.
 */
@ApplicationScoped
public class ConsentRecords {

    private final ConsentRecordRepository records;
    private final Clock clock;

    ConsentRecords(ConsentRecordRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Stores that {@code subject} was shown or agreed to text {@code version} of {@code kind}; once per version while it stands. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void give(ConsentSubject subject, UUID webinarId, ConsentKind kind, String version) {
        records.give(subject, webinarId, kind, version, clock.instant());
    }

    /**
     * Withdraws every standing record of {@code kind} (from now on; what was recorded before stays
     * lawful, Art. 7(3)) and says how many it withdrew: none when nothing stood, so a repeat is harmless.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int withdraw(UUID subjectId, ConsentKind kind, WithdrawalSource source) {
        if (!kind.withdrawable()) {
            throw new IllegalArgumentException(kind + " is not a consent that can be withdrawn");
        }
        int withdrawn = 0;
        for (ConsentRecord record : records.standing(subjectId, kind)) {
            withdrawn += record.withdraw(clock.instant(), source) ? 1 : 0;
        }
        return withdrawn;
    }

    public boolean stands(UUID subjectId, ConsentKind kind) {
        return !records.standing(subjectId, kind).isEmpty();
    }

    /** Subjects of a webinar with a standing record of {@code kind} (e.g. who consented to being recorded). */
    public Set<UUID> subjectsWith(UUID webinarId, ConsentKind kind) {
        return records.subjectsWith(webinarId, kind);
    }

    /** Every record of one subject, withdrawn ones included: what an export or an audit shows. */
    public List<ConsentView> of(UUID subjectId) {
        return records.ofSubject(subjectId).stream().map(ConsentRecords::view).toList();
    }

    private static ConsentView view(ConsentRecord record) {
        return new ConsentView(record.id(), record.subject(), record.webinarId(), record.kind(), record.noticeVersion(),
                record.givenAt(), record.withdrawnAt(), record.withdrawnBy());
    }
}
