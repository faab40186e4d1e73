package eu.plenum.consent;

import java.time.Instant;
import java.util.UUID;

/** One consent record as exports, audits and the subject's own consent page read it. */
public record ConsentView(UUID id, ConsentSubject subject, UUID webinarId, ConsentKind kind, String noticeVersion, Instant givenAt,
        Instant withdrawnAt, WithdrawalSource withdrawnBy) {

    public boolean standing() {
        return withdrawnAt == null;
    }
}
