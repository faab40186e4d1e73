package eu.plenum.scheduling;

import eu.plenum.mail.MailOutbox;
import eu.plenum.mail.OutgoingMail;
import eu.plenum.scheduling.calendar.CalendarInvite;
import eu.plenum.scheduling.domain.Registration;
import eu.plenum.scheduling.domain.RegistrationStatus;
import eu.plenum.scheduling.domain.Webinar;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mails a registrant receives, in the webinar's language (English or German), queued in the
 * outbox within the transaction of the change they report. Invitations ride along where a
 * calendar must follow. Personal links are queued as placeholders that the dispatcher renders at
 * send time, so the outbox never holds a working link.
 */
@ApplicationScoped
public class RegistrationMails {

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance confirmText(String title, String link);

        static native TemplateInstance confirmHtml(String title, String link);

        static native TemplateInstance registeredText(String name, String title, String zone, List<String> sessions, String link);

        static native TemplateInstance registeredHtml(String name, String title, String zone, List<String> sessions, String link);

        static native TemplateInstance statusText(String name, String title, String status);

        static native TemplateInstance statusHtml(String name, String title, String status);

        static native TemplateInstance changedText(String name, String title, String zone, List<String> sessions, boolean cancelled);

        static native TemplateInstance changedHtml(String name, String title, String zone, List<String> sessions, boolean cancelled);

        static native TemplateInstance reminderText(String name, String title, String start, String zone, String page);

        static native TemplateInstance reminderHtml(String name, String title, String start, String zone, String page);
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

    /**
     * The confirmation link, to an address nobody confirmed yet: so it carries no text the
     * requester chose (not even the name). {@code again} tells a repeated mail of the same link
     * apart (null for the first).
     */
    void confirmLink(Webinar webinar, Registration registration, String again) {
        Locale locale = locale(webinar.language());
        String link = publicUrl + "/r/confirm/" + PersonalLinks.confirmPlaceholder(registration);
        String key = "confirm:" + registration.id() + ":" + registration.confirmVersion() + (again == null ? "" : ":" + again);
        queue(registration, key, texts(locale).subject_confirm(webinar.title()),
                Templates.confirmText(webinar.title(), link), Templates.confirmHtml(webinar.title(), link), locale, null, null);
    }

    /** A seat was granted: the new personal join link and the invitation. */
    void registered(WebinarView webinar, Registration registration) {
        registered(webinar, registration, "registered:" + registration.id() + ":" + registration.joinVersion());
    }

    /** The address registered again: the same join link once more (a copy, no new secret). */
    void registeredAgain(WebinarView webinar, Registration registration, String again) {
        registered(webinar, registration, "registered:" + registration.id() + ":" + registration.joinVersion() + ":" + again);
    }

    private void registered(WebinarView webinar, Registration registration, String key) {
        Locale locale = locale(webinar.language());
        String link = publicUrl + "/join/" + PersonalLinks.joinPlaceholder(registration);
        List<String> sessions = sessionLines(webinar, locale);
        queue(registration, key, texts(locale).subject_registered(webinar.title()),
                Templates.registeredText(registration.name(), webinar.title(), webinar.timeZone(), sessions, link),
                Templates.registeredHtml(registration.name(), webinar.title(), webinar.timeZone(), sessions, link), locale,
                invite(webinar, registration, CalendarInvite.Method.REQUEST), "REQUEST");
    }

    /** The registrant cancelled: a CANCEL invitation removes the sessions from their calendar. */
    void cancelled(WebinarView webinar, Registration registration) {
        Locale locale = locale(webinar.language());
        queue(registration, "status:" + registration.id() + ":CANCELLED", texts(locale).subject_registration_cancelled(webinar.title()),
                Templates.statusText(registration.name(), webinar.title(), "CANCELLED"),
                Templates.statusHtml(registration.name(), webinar.title(), "CANCELLED"), locale,
                invite(webinar, registration, CalendarInvite.Method.CANCEL), "CANCEL");
    }

    /** The host changed the webinar: an updated invitation (higher SEQUENCE) or, when cancelled, a CANCEL. */
    void changed(WebinarView webinar, Registration registration) {
        Locale locale = locale(webinar.language());
        boolean cancelled = "CANCELLED".equals(webinar.status());
        CalendarInvite.Method method = cancelled ? CalendarInvite.Method.CANCEL : CalendarInvite.Method.REQUEST;
        List<String> sessions = sessionLines(webinar, locale);
        queue(registration, "changed:" + registration.id() + ":" + webinar.sequence(),
                cancelled ? texts(locale).subject_cancelled(webinar.title()) : texts(locale).subject_changed(webinar.title()),
                Templates.changedText(registration.name(), webinar.title(), webinar.timeZone(), sessions, cancelled),
                Templates.changedHtml(registration.name(), webinar.title(), webinar.timeZone(), sessions, cancelled), locale,
                invite(webinar, registration, method), method.name());
    }

    /** One reminder per session, offset and registrant; false when it was queued before (by another node). */
    boolean reminder(WebinarView webinar, UUID sessionId, Instant start, int minutes, Registration registration) {
        Locale locale = locale(webinar.language());
        String when = format(LocalDateTime.ofInstant(start, ZoneId.of(webinar.timeZone())), locale);
        String page = publicUrl + "/w/" + webinar.id();
        // The reminder carries the current invitation again (same UIDs and SEQUENCE), so calendars stay right.
        return outbox.enqueue(mail(registration, "reminder:" + sessionId + ":" + minutes + ":" + registration.id(),
                texts(locale).subject_reminder(webinar.title()),
                Templates.reminderText(registration.name(), webinar.title(), when, webinar.timeZone(), page),
                Templates.reminderHtml(registration.name(), webinar.title(), when, webinar.timeZone(), page), locale,
                invite(webinar, registration, CalendarInvite.Method.REQUEST), "REQUEST"));
    }

    /** Wait list, pending approval or denial; a denial also withdraws any invitation the registrant had. */
    void statusOnly(Webinar webinar, Registration registration) {
        Locale locale = locale(webinar.language());
        String status = registration.status().name();
        boolean denied = registration.status() == RegistrationStatus.DENIED;
        queue(registration, "status:" + registration.id() + ":" + status, texts(locale).subject_status(webinar.title()),
                Templates.statusText(registration.name(), webinar.title(), status),
                Templates.statusHtml(registration.name(), webinar.title(), status), locale,
                denied ? invite(WebinarView.of(webinar), registration, CalendarInvite.Method.CANCEL) : null, denied ? "CANCEL" : null);
    }

    private String invite(WebinarView webinar, Registration registration, CalendarInvite.Method method) {
        return CalendarInvite.of(List.of(webinar), null, method, from,
                new CalendarInvite.Attendee(registration.name(), registration.email()), clock.instant());
    }

    private void queue(Registration registration, String key, String subject, TemplateInstance text, TemplateInstance html,
            Locale locale, String calendar, String method) {
        outbox.enqueue(mail(registration, key, subject, text, html, locale, calendar, method));
    }

    private OutgoingMail mail(Registration registration, String key, String subject, TemplateInstance text, TemplateInstance html,
            Locale locale, String calendar, String method) {
        // Titles come from hosts: no line break may reach a mail header.
        return new OutgoingMail(registration.tenantId(), key, registration.email(), subject.replaceAll("[\\r\\n]+", " "),
                text.setLocale(locale).render(), html.setLocale(locale).render(), calendar, method, clock.instant());
    }

    private static List<String> sessionLines(WebinarView webinar, Locale locale) {
        return webinar.sessions().stream().filter(session -> "SCHEDULED".equals(session.status()))
                .map(session -> format(session.startLocal(), locale)).toList();
    }

    private static String format(LocalDateTime time, Locale locale) {
        return DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", locale).format(time);
    }

    /** German for German webinars, English for everything else (the languages Plenum speaks so far). */
    static Locale locale(String language) {
        return language != null && Locale.forLanguageTag(language).getLanguage().equals("de") ? Locale.GERMAN : Locale.ENGLISH;
    }

    private static MailTexts texts(Locale locale) {
        return MessageBundles.get(MailTexts.class, Localized.Literal.of(locale.toLanguageTag()));
    }
}
