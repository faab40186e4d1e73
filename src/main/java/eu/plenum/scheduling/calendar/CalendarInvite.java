package eu.plenum.scheduling.calendar;

import eu.plenum.scheduling.WebinarView;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * iCalendar (RFC 5545) for webinar sessions, written with ical4j so that escaping of values and
 * parameters and line folding come from a maintained library: one VEVENT per session (sessions
 * move and cancel on their own), a stable UID per session, SEQUENCE from the webinar, times in the
 * webinar's zone with its VTIMEZONE. PUBLISH for downloads and feeds; REQUEST/CANCEL for invitations.
 */
public final class CalendarInvite {

    /** The iTIP method of a calendar object. */
    public enum Method {
        PUBLISH, REQUEST, CANCEL
    }

    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F]");

    private CalendarInvite() {
    }

    /** An invitation (REQUEST or CANCEL) for one attendee, naming them as ATTENDEE as iTIP expects. */
    public record Attendee(String name, String email) {
    }

    /** The calendar of some webinars' sessions (all sessions when {@code onlySession} is null). */
    public static String of(List<WebinarView> webinars, UUID onlySession, Method method, String organizer, Instant now) {
        return of(webinars, onlySession, method, organizer, null, now);
    }

    public static String of(List<WebinarView> webinars, UUID onlySession, Method method, String organizer,
            Attendee attendee, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Plenum//Webinars//EN"));
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(new net.fortuna.ical4j.model.property.Method(method.name()));
        webinars.stream().map(WebinarView::timeZone).distinct()
                .forEach(zone -> calendar.add(VTimezone.of(ZoneId.of(zone), VTimezone.BASE_YEAR)));
        for (WebinarView webinar : webinars) {
            for (WebinarView.SessionView session : webinar.sessions()) {
                if (onlySession == null || onlySession.equals(session.id())) {
                    calendar.add(event(webinar, session, method, organizer, attendee, now));
                }
            }
        }
        StringWriter out = new StringWriter();
        try {
            // Not validated on output: ical4j's validator rejects valid iTIP objects (e.g. CANCEL with VTIMEZONE).
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static VEvent event(WebinarView webinar, WebinarView.SessionView session, Method method, String organizer,
            Attendee attendee, Instant now) {
        ZoneId zone = ZoneId.of(webinar.timeZone());
        boolean cancelled = method == Method.CANCEL || "CANCELLED".equals(session.status());
        VEvent event = new VEvent(new PropertyList());
        event.add(new Uid(session.id() + "@plenum"));
        event.add(new Sequence(webinar.sequence()));
        event.add(new DtStamp(now));
        event.add(new DtStart<>(session.startsAt().atZone(zone)));
        event.add(new DtEnd<>(session.endsAt().atZone(zone)));
        event.add(new Summary(text(webinar.title())));
        if (webinar.description() != null) {
            event.add(new Description(text(webinar.description())));
        }
        if (organizer != null) {
            event.add(new Organizer(mailto(organizer)));
        }
        if (attendee != null) {
            ParameterList parameters = new ParameterList(List.of(new Cn(unquotable(attendee.name())), Rsvp.FALSE));
            event.add(new net.fortuna.ical4j.model.property.Attendee(parameters, mailto(attendee.email())));
        }
        event.add(cancelled ? new Status(Status.VALUE_CANCELLED) : new Status(Status.VALUE_CONFIRMED));
        event.add(new Transp(Transp.VALUE_OPAQUE));
        return event;
    }

    /**
     * A TEXT value as RFC 5545 allows it: no control characters but tab and line breaks (ical4j writes them as
     * they are, which makes the file invalid; a host's title may hold any). Line breaks become LF, escaped by ical4j.
     */
    /**
     * The attendee's name as a parameter value, double quotes made single: RFC 5545 allows none in a parameter,
     * RFC 6868's {@code ^'} for them is not read by many calendar programs, and ical4j's own reader and its
     * {@code Cn} throw on a name that is one double quote (found by fuzzing).
     */
    static String unquotable(String name) {
        return name.replace('"', '\'');
    }

    static String text(String value) {
        return CONTROL.matcher(value.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
    }

    private static URI mailto(String address) {
        try {
            // The multi-argument constructor quotes whatever an address holds that a URI may not.
            return new URI("mailto", address, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a mail address", e);
        }
    }
}
