package eu.plenum.scheduling.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.scheduling.RecordingPolicy;
import eu.plenum.scheduling.Recurrence;
import eu.plenum.scheduling.RegistrationMode;
import eu.plenum.scheduling.WebinarView;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** What the invitation writer emits, read back by ical4j's parser: hostile text stays inside its value. */
class CalendarInviteTest {

    private static final Instant START = Instant.parse("2030-10-20T08:00:00Z");

    private static WebinarView webinar(String title, String description) {
        WebinarView.SessionView session = new WebinarView.SessionView(UUID.randomUUID(), 0, START, START.plusSeconds(3600),
                LocalDateTime.ofInstant(START, ZoneId.of("Europe/Berlin")), "SCHEDULED", false);
        return new WebinarView(UUID.randomUUID(), title, description, List.of(), "en", "Europe/Berlin",
                session.startLocal(), 60, Recurrence.NONE, null, null, 10, RegistrationMode.OPEN, RecordingPolicy.OFF,
                "SCHEDULED", 2, List.of(), List.of(session), List.of());
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    @Test
    void hostileButAllowedNameStaysOneAttendeeParameter() throws Exception {
        String name = "Eve \"the\" Attacker; ROLE=CHAIR, \\x: mailto:boss@example.org";
        String ics = CalendarInvite.of(List.of(webinar("Title", null)), null, CalendarInvite.Method.REQUEST,
                "webinars@plenum.localhost", new CalendarInvite.Attendee(name, "eve@example.org"), START);
        Calendar calendar = parse(ics);
        VEvent event = calendar.<VEvent>getComponents(Component.VEVENT).get(0);
        List<Property> attendees = event.getProperties(Property.ATTENDEE);
        assertEquals(1, attendees.size(), ics);
        Property attendee = attendees.get(0);
        assertEquals("mailto:eve@example.org", attendee.getValue());
        assertTrue(attendee.getParameter(Parameter.ROLE).isEmpty(), ics);
        String cn = attendee.getParameter(Parameter.CN).orElseThrow().getValue();
        // Double quotes become single ones; ical4j's reader drops the backslash, which RFC 5545 leaves as is.
        assertTrue(cn.startsWith("Eve 'the' Attacker; ROLE=CHAIR, ") && cn.endsWith("x: mailto:boss@example.org"), cn);
        assertEquals(1, ics.lines().filter(line -> line.startsWith("ATTENDEE")).count(), ics);
        assertTrue(ics.replace("\r\n ", "").contains("CN=\"Eve 'the' Attacker; ROLE=CHAIR, \\x: mailto:boss@example.org\""), ics);
    }

    @Test
    void doubleQuotesInANameBecomeSingleOnesEvenWhenTheNameIsOne() throws Exception {
        for (String name : List.of("\"", "\"\"", "\"Bob\"", "Bob \"B\" Smith")) {
            String ics = CalendarInvite.of(List.of(webinar("Title", null)), null, CalendarInvite.Method.REQUEST,
                    "webinars@plenum.localhost", new CalendarInvite.Attendee(name, "eve@example.org"), START);
            Property attendee = parse(ics).<VEvent>getComponents(Component.VEVENT).get(0).getProperty(Property.ATTENDEE).orElseThrow();
            assertEquals(name.replace('"', '\''), attendee.getParameter(Parameter.CN).orElseThrow().getValue(), ics);
        }
    }

    @Test
    void textValuesAreEscapedAndLongLinesFolded() throws Exception {
        String title = "Ü".repeat(100) + "; a, b \\ c";
        String description = "line one\nATTENDEE:mailto:x@example.org\r\nEND:VEVENT";
        String ics = CalendarInvite.of(List.of(webinar(title, description)), null, CalendarInvite.Method.PUBLISH, null, START);
        // ical4j folds at 75 characters (RFC 5545 asks for octets, as a SHOULD); every reader we know unfolds either.
        for (String physical : ics.split("\r\n")) {
            assertTrue(physical.length() <= 75, physical);
        }
        VEvent event = parse(ics).<VEvent>getComponents(Component.VEVENT).get(0);
        assertEquals(title, event.getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertTrue(event.getProperties(Property.ATTENDEE).isEmpty(), ics);
        assertEquals(START, ((ZonedDateTime) event.getStartDate().orElseThrow().getDate()).toInstant());
        assertEquals("2", event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertTrue(ics.contains("DTSTART;TZID=Europe/Berlin:20301020T100000"), ics);
        assertTrue(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin"), ics);
    }

    @Test
    void yearlyRulesOfBerlinAndNewYork() {
        assertEquals("FREQ=YEARLY;BYMONTH=10;BYDAY=SU;BYMONTHDAY=25,26,27,28,29,30,31",
                VTimezone.rrule(ZoneId.of("Europe/Berlin").getRules().getTransitionRules().get(1)));
        assertEquals("FREQ=YEARLY;BYMONTH=3;BYDAY=SU;BYMONTHDAY=8,9,10,11,12,13,14",
                VTimezone.rrule(ZoneId.of("America/New_York").getRules().getTransitionRules().get(0)));
    }
}
