package eu.plenum.audience;

import eu.plenum.audience.domain.AttendeeSession;
import eu.plenum.audience.domain.AttendeeSessionRepository;
import eu.plenum.consent.ConsentKind;
import eu.plenum.consent.ConsentRecords;
import eu.plenum.consent.ConsentSubject;
import eu.plenum.scheduling.RegistrationWithdrawn;
import eu.plenum.scheduling.Registrations;
import eu.plenum.shared.SecretTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Attendee sessions: one per device, started by a POST from the lobby of a personal join link (a
 * GET never starts one: mail scanners open links), carried by a random cookie token of which only the
 * SHA-256 is stored, bound to the registration. At most {@link AudienceConfig#devicesPerRegistration()}
 * run at once; a further device ends the oldest. A session is good only while its registration may
 * still attend, checked on every use, so a revocation refuses it at once on every node.
 */
@ApplicationScoped
public class AttendeeSessions {

    /**
     * An attendee session in use: the id is the opaque holder of viewer passes. {@code registrationId}
     * is null for a viewer of an open webinar ({@link OpenViewers}).
     */
    public record Admitted(UUID sessionId, UUID registrationId, UUID webinarId) {

        public boolean openViewer() {
            return registrationId == null;
        }
    }

    /** A session just started (or resumed): the cookie token, shown to this device only. */
    public record Entered(String token, Admitted admitted, boolean recorded) {
    }

    private final AttendeeSessionRepository sessions;
    private final Registrations registrations;
    private final AudienceConfig config;
    private final Event<AttendeeSessionsEnded> ended;
    private final Clock clock;
    private final ConsentRecords consents;
    private final eu.plenum.scheduling.WebinarAccess access;

    AttendeeSessions(AttendeeSessionRepository sessions, Registrations registrations, AudienceConfig config,
            Event<AttendeeSessionsEnded> ended, Clock clock, ConsentRecords consents, eu.plenum.scheduling.WebinarAccess access) {
        this.access = access;
        this.consents = consents;
        this.sessions = sessions;
        this.registrations = registrations;
        this.config = config;
        this.ended = ended;
        this.clock = clock;
    }

    /**
     * Enters the lobby from a join link. A device that already holds a running session of this
     * registration keeps it (pressing "Enter" twice uses one device slot); otherwise a new session
     * starts and, beyond the device limit, the oldest ends.
     */
    @Transactional
    public Entered enter(String joinToken, Optional<String> presentedToken) {
        Registrations.Attendance attendance = registrations.attendance(joinToken);
        boolean recorded = attendance.webinar().recordingPolicy() != eu.plenum.scheduling.RecordingPolicy.OFF;
        UUID registrationId = attendance.registrationId();
        sessions.lockRegistration(registrationId);
        if (recorded) {
            // The lobby showed the recording notice (Art. 13) before this POST: that it was shown is kept, once per text version.
            consents.give(ConsentSubject.registration(registrationId), attendance.webinar().id(), ConsentKind.RECORDING_NOTICE_SHOWN,
                    AttendeeLobby.RECORDING_NOTICE_VERSION);
        }
        Optional<AttendeeSession> own = presentedToken.flatMap(token -> sessions.byTokenHash(SecretTokens.hash(token)))
                .filter(AttendeeSession::active).filter(session -> session.registrationId().equals(registrationId));
        if (own.isPresent()) {
            return new Entered(presentedToken.orElseThrow(), admitted(own.get()), recorded);
        }
        List<AttendeeSession> active = new ArrayList<>(sessions.activeOf(registrationId));
        List<UUID> pushedOut = new ArrayList<>();
        while (active.size() >= Math.max(1, config.devicesPerRegistration())) {
            AttendeeSession oldest = active.remove(0);
            oldest.end(AttendeeSession.EndReason.OTHER_DEVICE, clock.instant());
            pushedOut.add(oldest.id());
        }
        String token = SecretTokens.next();
        AttendeeSession session = new AttendeeSession(registrationId, attendance.webinar().id(), SecretTokens.hash(token), clock.instant());
        sessions.persist(session);
        if (!pushedOut.isEmpty()) {
            ended.fire(new AttendeeSessionsEnded(pushedOut, AttendeeSession.EndReason.OTHER_DEVICE.name()));
        }
        return new Entered(token, admitted(session), recorded);
    }

    /** The running session a cookie token stands for in this webinar, if its registration may still attend. */
    public Optional<Admitted> admitted(UUID webinarId, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> sessions.byTokenHash(SecretTokens.hash(token))
                .filter(AttendeeSession::active)
                .filter(session -> session.webinarId().equals(webinarId))
                .filter(session -> registrations.admitted(session.registrationId()))
                .map(AttendeeSessions::admitted));
    }

    /** Whether a session admitted earlier still is (polled by open event streams). */
    public boolean stillAdmitted(Admitted admitted) {
        if (admitted.openViewer()) {
            return QuarkusTransaction.requiringNew().call(() -> access.open(admitted.webinarId()).isPresent());
        }
        return QuarkusTransaction.requiringNew().call(() -> sessions.findByIdOptional(admitted.sessionId())
                .filter(AttendeeSession::active)
                .filter(session -> registrations.admitted(session.registrationId()))
                .isPresent());
    }

    /** The attendee leaves on this device: the slot is free for another one. */
    @Transactional
    public void leave(Admitted admitted) {
        sessions.findByIdOptional(admitted.sessionId()).filter(AttendeeSession::active).ifPresent(session -> {
            session.end(AttendeeSession.EndReason.LEFT, clock.instant());
            ended.fire(new AttendeeSessionsEnded(List.of(session.id()), AttendeeSession.EndReason.LEFT.name()));
        });
    }

    /** Ends every running session of a registration (a moderator banned the attendee); their playback stops after the commit. */
    public void endAll(UUID registrationId) {
        registrationWithdrawn(new RegistrationWithdrawn(null, registrationId));
    }

    /**
     * The registration may no longer attend (revoked, denied, cancelled; committed): its sessions end,
     * and once that is committed their playback stops.
     */
    void registrationWithdrawn(@Observes(during = TransactionPhase.AFTER_SUCCESS) RegistrationWithdrawn withdrawn) {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> endedNow = new ArrayList<>();
            for (AttendeeSession session : sessions.activeOf(withdrawn.registrationId())) {
                session.end(AttendeeSession.EndReason.REVOKED, clock.instant());
                endedNow.add(session.id());
            }
            return endedNow;
        });
        if (!ids.isEmpty()) {
            ended.fire(new AttendeeSessionsEnded(ids, AttendeeSession.EndReason.REVOKED.name()));
        }
    }

    private static Admitted admitted(AttendeeSession session) {
        return new Admitted(session.id(), session.registrationId(), session.webinarId());
    }
}
