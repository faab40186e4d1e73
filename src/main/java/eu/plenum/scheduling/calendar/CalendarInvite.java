package eu.plenum.scheduling.calendar;

import eu.plenum.scheduling.WebinarView;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * iCalendar (RFC 5545) for webinar sessions: one VEVENT per session (sessions move and cancel on
 * their own), a stable UID per session, SEQUENCE from the webinar, times in the webinar's zone with
 * its VTIMEZONE. PUBLISH for downloads and feeds; REQUEST/CANCEL for invitations.
 */
public final class CalendarInvite {

    /** The iTIP method of a calendar object. */
    public enum Method {
        PUBLISH, REQUEST, CANCEL
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CalendarInvite() {
    }

    /** An invitation (REQUEST or CANCEL) for one attendee, naming them as ATTENDEE as iTIP expects. */
    public record Attendee(String name, String email) {
    }

    /** The calendar of some webinars' sessions (all sessions when {@code onlySession} is null). */
    public static String of(List<WebinarView> webinars, java.util.UUID onlySession, Method method, String organizer,
            Instant now) {
        return of(webinars, onlySession, method, organizer, null, now);
    }

    public static String of(List<WebinarView> webinars, java.util.UUID onlySession, Method method, String organizer,
            Attendee attendee, Instant now) {
        StringBuilder out = new StringBuilder();
        IcsText.line(out, "BEGIN:VCALENDAR");
        IcsText.line(out, "VERSION:2.0");
        IcsText.line(out, "PRODID:-//Plenum//Webinars//EN");
        IcsText.line(out, "CALSCALE:GREGORIAN");
        IcsText.line(out, "METHOD:" + method);
        webinars.stream().map(WebinarView::timeZone).distinct()
                .forEach(zone -> VTimezone.write(out, ZoneId.of(zone), VTimezone.BASE_YEAR));
        for (WebinarView webinar : webinars) {
            for (WebinarView.SessionView session : webinar.sessions()) {
                if (onlySession == null || onlySession.equals(session.id())) {
                    event(out, webinar, session, method, organizer, attendee, now);
                }
            }
        }
        IcsText.line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static void event(StringBuilder out, WebinarView webinar, WebinarView.SessionView session, Method method,
            String organizer, Attendee attendee, Instant now) {
        ZoneId zone = ZoneId.of(webinar.timeZone());
        boolean cancelled = method == Method.CANCEL || "CANCELLED".equals(session.status());
        IcsText.line(out, "BEGIN:VEVENT");
        IcsText.line(out, "UID:" + session.id() + "@plenum");
        IcsText.line(out, "SEQUENCE:" + webinar.sequence());
        IcsText.line(out, "DTSTAMP:" + UTC.format(now));
        IcsText.line(out, "DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(LocalDateTime.ofInstant(session.startsAt(), zone)));
        IcsText.line(out, "DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(LocalDateTime.ofInstant(session.endsAt(), zone)));
        IcsText.line(out, "SUMMARY:" + IcsText.escape(webinar.title()));
        if (webinar.description() != null) {
            IcsText.line(out, "DESCRIPTION:" + IcsText.escape(webinar.description()));
        }
        if (organizer != null) {
            IcsText.line(out, "ORGANIZER:mailto:" + organizer);
        }
        if (attendee != null) {
            // Quoted CN: names may contain ; , : which would otherwise end the parameter.
            IcsText.line(out, "ATTENDEE;CN=\"" + attendee.name().replace("\"", "'") + "\";RSVP=FALSE:mailto:" + attendee.email());
        }
        IcsText.line(out, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        IcsText.line(out, "TRANSP:OPAQUE");
        IcsText.line(out, "END:VEVENT");
    }
}
