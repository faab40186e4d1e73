package eu.plenum.consent.domain;

import eu.plenum.consent.ConsentKind;
import eu.plenum.consent.ConsentSubject;
import eu.plenum.consent.WithdrawalSource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A notice shown or a consent given, and when it was withdrawn; see V026__consent_record.sql and V045 (who withdrew it). */
@Entity
@Table(name = "consent_record")
public class ConsentRecord {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false, updatable = false, length = 16)
    private ConsentSubject.Kind subjectKind;
    @Column(name = "subject_id", nullable = false, updatable = false)
    private UUID subjectId;
    @Column(name = "webinar_id", nullable = false, updatable = false)
    private UUID webinarId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 32)
    private ConsentKind kind;
    @Column(name = "notice_version", nullable = false, updatable = false, length = 64)
    private String noticeVersion;
    @Column(name = "given_at", nullable = false, updatable = false)
    private Instant givenAt;
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "withdrawn_by", length = 16)
    private WithdrawalSource withdrawnBy;

    protected ConsentRecord() {
    }

    /** Withdraws a standing record; a record withdrawn already keeps its first withdrawal. */
    public boolean withdraw(Instant now, WithdrawalSource source) {
        if (withdrawnAt != null) {
            return false;
        }
        withdrawnAt = now;
        withdrawnBy = source;
        return true;
    }

    public UUID id() {
        return id;
    }

    public ConsentSubject subject() {
        return new ConsentSubject(subjectKind, subjectId);
    }

    public UUID webinarId() {
        return webinarId;
    }

    public ConsentKind kind() {
        return kind;
    }

    public String noticeVersion() {
        return noticeVersion;
    }

    public Instant givenAt() {
        return givenAt;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public WithdrawalSource withdrawnBy() {
        return withdrawnBy;
    }
}
