package eu.plenum.scheduling;

import eu.plenum.scheduling.domain.Registration;
import eu.plenum.scheduling.domain.RegistrationRepository;
import eu.plenum.scheduling.domain.RegistrationStatus;
import eu.plenum.scheduling.domain.Webinar;
import eu.plenum.scheduling.domain.WebinarRepository;
import eu.plenum.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The host's side of registrations: list and search, approve or deny (one or many), revoke a join
 * link, export; and the registrant's own cancellation, which hands the seat to the wait list.
 */
@ApplicationScoped
public class RegistrantDesk {

    private final WebinarPlanner planner;
    private final WebinarRepository webinars;
    private final RegistrationRepository registrations;
    private final RegistrationMails mails;
    private final PersonalLinks links;
    private final jakarta.enterprise.event.Event<RegistrationWithdrawn> withdrawn;
    private final eu.plenum.consent.ConsentRecords consents;
    private final RegistrationEvents events;

    RegistrantDesk(WebinarPlanner planner, WebinarRepository webinars, RegistrationRepository registrations,
            RegistrationMails mails, PersonalLinks links, jakarta.enterprise.event.Event<RegistrationWithdrawn> withdrawn,
            eu.plenum.consent.ConsentRecords consents, RegistrationEvents events) {
        this.events = events;
        this.consents = consents;
        this.planner = planner;
        this.webinars = webinars;
        this.registrations = registrations;
        this.mails = mails;
        this.links = links;
        this.withdrawn = withdrawn;
    }

    public List<RegistrantView> list(UUID webinarId, String query) {
        WebinarView webinar = planner.get(webinarId);
        Map<UUID, String> labels = new LinkedHashMap<>();
        webinar.questions().forEach(question -> labels.put(question.id(), question.label()));
        java.util.Set<UUID> consented = consents.subjectsWith(webinar.id(), eu.plenum.consent.ConsentKind.RECORDING_CONSENT);
        return registrations.ofWebinar(webinar.id(), query).stream()
                .map(registration -> view(registration, labels, consented.contains(registration.id()))).toList();
    }

    /** What became of each registration a bulk decision named. */
    public record Decision(UUID registrationId, String status, boolean changed) {
    }

    /** Approves pending (or wait-listed) registrations while seats last; the rest stay as they are. */
    @Transactional
    public List<Decision> approve(UUID webinarId, List<UUID> ids) {
        planner.get(webinarId);
        Webinar webinar = webinars.findById(webinarId, LockModeType.PESSIMISTIC_WRITE);
        List<Decision> decisions = new ArrayList<>();
        for (Registration registration : own(webinarId, ids)) {
            boolean waiting = registration.status() == RegistrationStatus.PENDING_APPROVAL
                    || registration.status() == RegistrationStatus.WAITLISTED;
            if (waiting && registrations.seatsTaken(webinarId) < webinar.capacity()) {
                grantSeat(webinar, registration);
                decisions.add(new Decision(registration.id(), RegistrationStatus.REGISTERED.name(), true));
            } else {
                decisions.add(new Decision(registration.id(), registration.status().name(), false));
            }
        }
        return decisions;
    }

    @Transactional
    public List<Decision> deny(UUID webinarId, List<UUID> ids) {
        planner.get(webinarId);
        Webinar webinar = webinars.findById(webinarId);
        List<Decision> decisions = new ArrayList<>();
        for (Registration registration : own(webinarId, ids)) {
            boolean open = registration.status() != RegistrationStatus.DENIED && registration.status() != RegistrationStatus.CANCELLED;
            if (open) {
                boolean hadSeat = registration.status() == RegistrationStatus.REGISTERED;
                registration.decided(RegistrationStatus.DENIED);
                events.cancelled(registration, "DENIED");
                mails.statusOnly(webinar, registration);
                if (hadSeat) {
                    withdrawn.fire(new RegistrationWithdrawn(webinarId, registration.id()));
                    promoteFromWaitList(webinar);
                }
            }
            decisions.add(new Decision(registration.id(), registration.status().name(), open));
        }
        return decisions;
    }

    @Transactional
    public void revokeJoinLink(UUID webinarId, UUID registrationId) {
        planner.get(webinarId);
        own(webinarId, List.of(registrationId)).forEach(registration -> {
            registration.revokeJoinLink();
            events.cancelled(registration, "REVOKED");
            withdrawn.fire(new RegistrationWithdrawn(webinarId, registrationId));
        });
    }

    /** The registrant cancels with their personal join link; the seat goes to the first on the wait list. */
    @Transactional
    public void cancelByRegistrant(String joinToken) {
        Registration registration = links.byJoinToken(joinToken).filter(Registration::joinLinkWorks)
                .orElseThrow(() -> new NotFoundException("This join link is not valid (any more)."));
        Webinar webinar = webinars.findById(registration.webinarId(), LockModeType.PESSIMISTIC_WRITE);
        registration.decided(RegistrationStatus.CANCELLED);
        events.cancelled(registration, "CANCELLED");
        withdrawn.fire(new RegistrationWithdrawn(webinar.id(), registration.id()));
        mails.cancelled(WebinarView.of(webinar), registration);
        promoteFromWaitList(webinar);
    }

    private void promoteFromWaitList(Webinar webinar) {
        if (registrations.seatsTaken(webinar.id()) < webinar.capacity()) {
            registrations.firstWaitlisted(webinar.id()).ifPresent(next -> grantSeat(webinar, next));
        }
    }

    private void grantSeat(Webinar webinar, Registration registration) {
        registration.decided(RegistrationStatus.REGISTERED);
        registration.newJoinLink();
        events.confirmed(registration);
        mails.registered(WebinarView.of(webinar), registration);
    }

    private List<Registration> own(UUID webinarId, List<UUID> ids) {
        List<Registration> found = new ArrayList<>();
        for (UUID id : ids) {
            found.add(registrations.findByIdOptional(id).filter(registration -> registration.webinarId().equals(webinarId))
                    .orElseThrow(() -> new NotFoundException("The webinar has no registration " + id + ".")));
        }
        return found;
    }

    private static RegistrantView view(Registration registration, Map<UUID, String> labels, boolean recordingConsent) {
        Map<String, String> answers = new LinkedHashMap<>();
        labels.forEach((id, label) -> {
            String answer = registration.answers().get(id);
            if (answer != null) {
                answers.put(label, answer);
            }
        });
        return new RegistrantView(registration.id(), registration.name(), registration.email(), registration.status().name(),
                recordingConsent, registration.joinRevoked(), registration.createdAt(), answers);
    }

    /** Labels of the webinar's questions, for export headers. */
    public List<String> questionLabels(UUID webinarId) {
        return planner.get(webinarId).questions().stream().map(WebinarView.QuestionView::label).toList();
    }
}
