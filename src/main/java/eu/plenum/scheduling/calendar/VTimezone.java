package eu.plenum.scheduling.calendar;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * A VTIMEZONE for an IANA zone, derived from java.time's rules: the zone's current yearly
 * daylight-saving rules as STANDARD and DAYLIGHT with RRULEs, or one STANDARD for zones without.
 */
final class VTimezone {

    /** Observances start in 1970 (as most producers do) so that every event date lies after their onset. */
    static final int BASE_YEAR = 1970;

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private VTimezone() {
    }

    static void write(StringBuilder out, ZoneId zone, int year) {
        ZoneRules rules = zone.getRules();
        IcsText.line(out, "BEGIN:VTIMEZONE");
        IcsText.line(out, "TZID:" + zone.getId());
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        if (yearly.isEmpty()) {
            ZoneOffset offset = rules.getStandardOffset(java.time.Instant.now());
            component(out, "STANDARD", LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset, null);
        } else {
            for (ZoneOffsetTransitionRule rule : yearly) {
                ZoneOffsetTransition transition = rule.createTransition(year);
                String kind = transition.getOffsetAfter().equals(rule.getStandardOffset()) ? "STANDARD" : "DAYLIGHT";
                component(out, kind, transition.getDateTimeBefore(), transition.getOffsetBefore(),
                        transition.getOffsetAfter(), rrule(rule));
            }
        }
        IcsText.line(out, "END:VTIMEZONE");
    }

    private static void component(StringBuilder out, String kind, LocalDateTime start, ZoneOffset from, ZoneOffset to,
            String rrule) {
        IcsText.line(out, "BEGIN:" + kind);
        IcsText.line(out, "DTSTART:" + LOCAL.format(start));
        IcsText.line(out, "TZOFFSETFROM:" + offset(from));
        IcsText.line(out, "TZOFFSETTO:" + offset(to));
        if (rrule != null) {
            IcsText.line(out, "RRULE:" + rrule);
        }
        IcsText.line(out, "END:" + kind);
    }

    /** "Last Sunday of October" or "first Sunday on or after the 8th" as an RFC 5545 yearly rule. */
    static String rrule(ZoneOffsetTransitionRule rule) {
        String month = "FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue();
        DayOfWeek weekday = rule.getDayOfWeek();
        int indicator = rule.getDayOfMonthIndicator();
        if (weekday == null) {
            return month + ";BYMONTHDAY=" + indicator;
        }
        String day = weekday.name().substring(0, 2);
        if (indicator < 0) {
            // the weekday on or before the indicated day counted from the month's end
            return indicator == -1 ? month + ";BYDAY=-1" + day : month + ";BYDAY=" + day + ";BYMONTHDAY=" + range(indicator - 6, indicator);
        }
        return month + ";BYDAY=" + day + ";BYMONTHDAY=" + range(indicator, Math.min(indicator + 6, 31));
    }

    private static String range(int from, int to) {
        StringBuilder days = new StringBuilder();
        for (int day = from; day <= to; day++) {
            days.append(days.isEmpty() ? "" : ",").append(day);
        }
        return days.toString();
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        String sign = seconds < 0 ? "-" : "+";
        seconds = Math.abs(seconds);
        return String.format("%s%02d%02d", sign, seconds / 3600, (seconds / 60) % 60);
    }
}
