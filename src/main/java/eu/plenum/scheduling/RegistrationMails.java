package eu.plenum.scheduling;

import eu.plenum.mail.MailOutbox;
import eu.plenum.mail.OutgoingMail;
import eu.plenum.scheduling.calendar.CalendarInvite;
import eu.plenum.scheduling.domain.Registration;
import eu.plenum.scheduling.domain.Webinar;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The mails a registrant receives, queued in the outbox within the registration's transaction. */
@ApplicationScoped
public class RegistrationMails {

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance confirmText(String name, String title, String link);

        static native TemplateInstance confirmHtml(String name, String title, String link);

        static native TemplateInstance registeredText(String name, WebinarView webinar, String link);

        static native TemplateInstance registeredHtml(String name, WebinarView webinar, String link);

        static native TemplateInstance statusText(String name, String title, String status);

        static native TemplateInstance changedText(String name, WebinarView webinar, boolean cancelled);

        static native TemplateInstance reminderText(String name, String title, java.time.LocalDateTime start, String zone, String page);

        static native TemplateInstance reminderHtml(String name, String title, java.time.LocalDateTime start, String zone, String page);

        static native TemplateInstance changedHtml(String name, WebinarView webinar, boolean cancelled);

        static native TemplateInstance statusHtml(String name, String title, String status);
    }

    private final MailOutbox outbox;
    private final Clock clock;
    private final String publicUrl;
    private final String from;

    RegistrationMails(MailOutbox outbox, Clock clock,
            @ConfigProperty(name = "plenum.public-url", defaultValue = "http://localhost:8080") String publicUrl,
            @ConfigProperty(name = "plenum.mail.from", defaultValue = "webinars@plenum.localhost") String from) {
        this.outbox = outbox;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.from = from;
    }

    void confirmLink(Webinar webinar, Registration registration, String token) {
        String link = publicUrl + "/r/confirm/" + token;
        queue(registration, "confirm:" + registration.id() + ":" + token.substring(0, 12), "Confirm your registration: " + webinar.title(),
                Templates.confirmText(registration.name(), webinar.title(), link),
                Templates.confirmHtml(registration.name(), webinar.title(), link), null, null);
    }

    void registered(WebinarView webinar, Registration registration, String joinToken) {
        String link = publicUrl + "/join/" + joinToken;
        String invite = CalendarInvite.of(List.of(webinar), null, CalendarInvite.Method.REQUEST, from,
                new CalendarInvite.Attendee(registration.name(), registration.email()), clock.instant());
        queue(registration, "registered:" + registration.id() + ":" + joinToken.substring(0, 12),
                "You are registered: " + webinar.title(),
                Templates.registeredText(registration.name(), webinar, link),
                Templates.registeredHtml(registration.name(), webinar, link), invite, "REQUEST");
    }

    /** The registrant cancelled: a CANCEL invitation removes the sessions from their calendar. */
    void cancelled(WebinarView webinar, Registration registration) {
        String invite = CalendarInvite.of(List.of(webinar), null, CalendarInvite.Method.CANCEL, from,
                new CalendarInvite.Attendee(registration.name(), registration.email()), clock.instant());
        queue(registration, "status:" + registration.id() + ":CANCELLED", "Registration cancelled: " + webinar.title(),
                Templates.statusText(registration.name(), webinar.title(), "CANCELLED"),
                Templates.statusHtml(registration.name(), webinar.title(), "CANCELLED"), invite, "CANCEL");
    }

    /** The host changed the webinar: an updated invitation (higher SEQUENCE) or, when cancelled, a CANCEL. */
    void changed(WebinarView webinar, Registration registration) {
        boolean cancelled = "CANCELLED".equals(webinar.status());
        CalendarInvite.Method method = cancelled ? CalendarInvite.Method.CANCEL : CalendarInvite.Method.REQUEST;
        String invite = CalendarInvite.of(List.of(webinar), null, method, from,
                new CalendarInvite.Attendee(registration.name(), registration.email()), clock.instant());
        queue(registration, "changed:" + registration.id() + ":" + webinar.sequence(),
                (cancelled ? "Cancelled: " : "Changed: ") + webinar.title(),
                Templates.changedText(registration.name(), webinar, cancelled),
                Templates.changedHtml(registration.name(), webinar, cancelled), invite, method.name());
    }

    /** One reminder per session, offset and registrant; false when it was queued before (another node). */
    boolean reminder(WebinarView webinar, java.util.UUID sessionId, java.time.Instant start, int minutes, Registration registration) {
        java.time.LocalDateTime local = java.time.LocalDateTime.ofInstant(start, java.time.ZoneId.of(webinar.timeZone()));
        String page = publicUrl + "/w/" + webinar.id();
        // The reminder carries the current invitation again (same UIDs and SEQUENCE), so calendars stay right.
        String invite = CalendarInvite.of(List.of(webinar), null, CalendarInvite.Method.REQUEST, from,
                new CalendarInvite.Attendee(registration.name(), registration.email()), clock.instant());
        return outbox.enqueue(new OutgoingMail(registration.tenantId(), "reminder:" + sessionId + ":" + minutes + ":" + registration.id(),
                registration.email(), ("Reminder: " + webinar.title()).replaceAll("[\\r\\n]+", " "),
                Templates.reminderText(registration.name(), webinar.title(), local, webinar.timeZone(), page).render(),
                Templates.reminderHtml(registration.name(), webinar.title(), local, webinar.timeZone(), page).render(),
                invite, "REQUEST", clock.instant()));
    }

    /** Wait list, pending approval or denial; a denial also withdraws any invitation the registrant had. */
    void statusOnly(Webinar webinar, Registration registration) {
        String status = registration.status().name();
        String withdrawal = registration.status() == eu.plenum.scheduling.domain.RegistrationStatus.DENIED
                ? CalendarInvite.of(List.of(WebinarView.of(webinar)), null, CalendarInvite.Method.CANCEL, from,
                        new CalendarInvite.Attendee(registration.name(), registration.email()), clock.instant())
                : null;
        queue(registration, "status:" + registration.id() + ":" + status, "Your registration: " + webinar.title(),
                Templates.statusText(registration.name(), webinar.title(), status),
                Templates.statusHtml(registration.name(), webinar.title(), status), withdrawal, withdrawal == null ? null : "CANCEL");
    }

    private void queue(Registration registration, String key, String subject, TemplateInstance text, TemplateInstance html,
            String calendar, String method) {
        // Titles come from hosts: no line break may reach a mail header.
        outbox.enqueue(new OutgoingMail(registration.tenantId(), key, registration.email(), subject.replaceAll("[\\r\\n]+", " "), text.render(),
                html.render(), calendar, method, clock.instant()));
    }
}
