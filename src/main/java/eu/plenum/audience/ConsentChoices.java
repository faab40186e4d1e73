package eu.plenum.audience;

import eu.plenum.consent.ConsentKind;
import eu.plenum.consent.ConsentRecords;
import eu.plenum.consent.ConsentSubject;
import eu.plenum.consent.ConsentView;
import eu.plenum.consent.ConsentWithdrawals;
import eu.plenum.consent.WithdrawalSource;
import eu.plenum.scheduling.RecordingPolicy;
import eu.plenum.scheduling.Registrations;
import eu.plenum.shared.ConflictException;
import eu.plenum.shared.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;

/**
 * A registrant's own consents, reached through their personal join link (the link is the proof, as
 * for the lobby; no sign-in): what stands and what was withdrawn, withdrawal with one click (Art. 7(3)),
 * and giving the recording consent again with one click. The link names one registration, so nobody
 * can act for another person.
 */
@ApplicationScoped
public class ConsentChoices {

    /** The actor of a withdrawal the person made themselves (no account behind it). */
    public static final String SUBJECT_ACTOR = "data-subject";

    /** The page's content: the registration's attendance and every consent record of it, withdrawn ones included. */
    public record Choices(Registrations.Attendance attendance, List<ConsentView> records, boolean mayConsentToRecording) {
    }

    private final Registrations registrations;
    private final ConsentRecords consents;
    private final ConsentWithdrawals withdrawals;

    ConsentChoices(Registrations registrations, ConsentRecords consents, ConsentWithdrawals withdrawals) {
        this.registrations = registrations;
        this.consents = consents;
        this.withdrawals = withdrawals;
    }

    /** What the consent page of a join link shows (404 when the link does not work). */
    @Transactional
    public Choices of(String joinToken) {
        Registrations.Attendance attendance = registrations.attendance(joinToken);
        boolean offered = attendance.webinar().recordingPolicy() == RecordingPolicy.ON_WITH_CONSENT;
        return new Choices(attendance, consents.of(attendance.registrationId()), offered && !attendance.recordingConsent());
    }

    /** Withdraws the registration's standing consent of {@code kind}; a repeat changes nothing. */
    @Transactional
    public ConsentWithdrawals.Outcome withdraw(String joinToken, String kind) {
        // The link first: an unknown or foreign link is a 404 whatever the form says (the cross-tenant sweep).
        Registrations.Attendance attendance = registrations.attendance(joinToken);
        ConsentKind consent = withdrawable(kind);
        String email = registrations.emailOf(attendance.registrationId()).orElseThrow();
        return withdrawals.withdraw(attendance.tenantId(), email, Set.of(attendance.registrationId()), consent,
                WithdrawalSource.SUBJECT, SUBJECT_ACTOR);
    }

    /** Gives the recording consent (again), for a webinar recorded with consent; as easy as withdrawing it. */
    @Transactional
    public void giveRecordingConsent(String joinToken) {
        Registrations.Attendance attendance = registrations.attendance(joinToken);
        if (attendance.webinar().recordingPolicy() != RecordingPolicy.ON_WITH_CONSENT) {
            throw new ConflictException("not-recorded-with-consent", "This webinar asks no recording consent.");
        }
        consents.give(ConsentSubject.registration(attendance.registrationId()), attendance.webinar().id(), ConsentKind.RECORDING_CONSENT,
                Registrations.RECORDING_CONSENT_VERSION);
    }

    /** The consent a form names, if it is one that can be withdrawn (400 otherwise). */
    public static ConsentKind withdrawable(String kind) {
        for (ConsentKind candidate : ConsentKind.values()) {
            if (candidate.name().equals(kind) && candidate.withdrawable()) {
                return candidate;
            }
        }
        throw InvalidInputException.of("kind", "not a consent that can be withdrawn");
    }
}
