package eu.plenum.scheduling;

import eu.plenum.identity.CurrentHost;
import eu.plenum.scheduling.domain.RegistrationRepository;
import eu.plenum.scheduling.domain.Webinar;
import eu.plenum.scheduling.domain.WebinarRepository;
import eu.plenum.scheduling.domain.WebinarStatus;
import eu.plenum.shared.ConflictException;
import eu.plenum.shared.InvalidInputException;
import eu.plenum.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** A host schedules, edits and cancels webinars and their sessions, always within their own tenant. */
@ApplicationScoped
public class WebinarPlanner {

    private final WebinarRepository webinars;
    private final RegistrationRepository registrations;
    private final RegistrationMails mails;
    private final CurrentHost host;
    private final Clock clock;
    private final jakarta.enterprise.event.Event<SessionsCancelled> cancellations;

    WebinarPlanner(WebinarRepository webinars, RegistrationRepository registrations, RegistrationMails mails, CurrentHost host,
            Clock clock, jakarta.enterprise.event.Event<SessionsCancelled> cancellations) {
        this.cancellations = cancellations;
        this.webinars = webinars;
        this.registrations = registrations;
        this.mails = mails;
        this.host = host;
        this.clock = clock;
    }

    /** Sessions cancelled now (they were not before): the other contexts hear of them once this transaction commits. */
    private void announceCancellations(Webinar webinar, java.util.Set<UUID> cancelledBefore) {
        List<UUID> cancelled = webinar.sessions().stream().filter(session -> session.status() == WebinarStatus.CANCELLED)
                .map(eu.plenum.scheduling.domain.WebinarSession::id).filter(id -> !cancelledBefore.contains(id)).toList();
        if (!cancelled.isEmpty()) {
            cancellations.fire(new SessionsCancelled(webinar.tenantId(), webinar.id(), cancelled));
        }
    }

    private static java.util.Set<UUID> cancelledSessions(Webinar webinar) {
        return webinar.sessions().stream().filter(session -> session.status() == WebinarStatus.CANCELLED)
                .map(eu.plenum.scheduling.domain.WebinarSession::id).collect(java.util.stream.Collectors.toSet());
    }

    /** Every registrant holding a seat hears about the change, with an invitation their calendar applies. */
    private WebinarView notified(Webinar webinar) {
        WebinarView view = WebinarView.of(webinar);
        registrations.holdingSeats(webinar.id()).forEach(registration -> mails.changed(view, registration));
        return view;
    }

    @Transactional
    public WebinarView schedule(WebinarForm form) {
        WebinarPlan plan = WebinarPlanRules.plan(form, clock.instant());
        Webinar webinar = Webinar.schedule(host.tenant().id(), host.userId(), plan);
        webinars.persist(webinar);
        return WebinarView.of(webinar);
    }

    @Transactional
    public WebinarView revise(UUID id, WebinarForm form) {
        Webinar webinar = ownScheduled(id);
        java.util.Set<UUID> before = cancelledSessions(webinar);
        webinar.revise(WebinarPlanRules.plan(form, clock.instant()), clock.instant());
        announceCancellations(webinar, before);
        return notified(webinar);
    }

    @Transactional
    public WebinarView cancel(UUID id) {
        Webinar webinar = ownScheduled(id);
        java.util.Set<UUID> before = cancelledSessions(webinar);
        webinar.cancel();
        announceCancellations(webinar, before);
        return notified(webinar);
    }

    @Transactional
    public WebinarView moveSession(UUID id, UUID sessionId, String newStart) {
        Webinar webinar = ownScheduled(id);
        requireSession(webinar, sessionId);
        LocalDateTime start;
        try {
            start = LocalDateTime.parse(newStart == null ? "" : newStart);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("start", "use the form 2026-12-01T10:00");
        }
        if (!eu.plenum.scheduling.domain.Schedule.toInstant(start, webinar.zone()).isAfter(clock.instant())) {
            throw InvalidInputException.of("start", "must be in the future");
        }
        webinar.moveSession(sessionId, start);
        return notified(webinar);
    }

    @Transactional
    public WebinarView cancelSession(UUID id, UUID sessionId) {
        Webinar webinar = ownScheduled(id);
        requireSession(webinar, sessionId);
        java.util.Set<UUID> before = cancelledSessions(webinar);
        webinar.cancelSession(sessionId);
        announceCancellations(webinar, before);
        return notified(webinar);
    }

    public WebinarView get(UUID id) {
        return WebinarView.of(own(id));
    }

    /** The tenant's webinars whose last session has not ended (upcoming) or has (past), soonest first. */
    public List<WebinarView> list(boolean upcoming) {
        Instant now = clock.instant();
        return webinars.allOfTenant(host.tenant().id()).stream().map(WebinarView::of)
                .filter(view -> upcoming == isUpcoming(view, now))
                .toList();
    }

    public Instant now() {
        return clock.instant();
    }

    private static boolean isUpcoming(WebinarView view, Instant now) {
        return view.sessions().stream().anyMatch(session -> session.endsAt().isAfter(now)) && !"CANCELLED".equals(view.status());
    }

    private Webinar own(UUID id) {
        return webinars.ofTenant(host.tenant().id(), id)
                .orElseThrow(() -> new NotFoundException("There is no webinar " + id + " in your organisation."));
    }

    private Webinar ownScheduled(UUID id) {
        Webinar webinar = own(id);
        if (webinar.status() == WebinarStatus.CANCELLED) {
            throw new ConflictException("webinar-cancelled", "This webinar is cancelled and cannot change any more.");
        }
        return webinar;
    }

    private static void requireSession(Webinar webinar, UUID sessionId) {
        if (webinar.findSession(sessionId).isEmpty()) {
            throw new NotFoundException("The webinar has no session " + sessionId + ".");
        }
    }
}
