package eu.plenum.scheduling.calendar;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

/**
 * A VTIMEZONE for an IANA zone, derived from java.time's rules (the JDK's tz data, the same that
 * computes the event times): the zone's current yearly daylight-saving rules as STANDARD and
 * DAYLIGHT with RRULEs, or one STANDARD for zones without.
 */
final class VTimezone {

    /** Observances start in 1970 (as most producers do) so that every event date lies after their onset. */
    static final int BASE_YEAR = 1970;

    private VTimezone() {
    }

    static VTimeZone of(ZoneId zone, int year) {
        ZoneRules rules = zone.getRules();
        List<Observance> observances = new ArrayList<>();
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        if (yearly.isEmpty()) {
            ZoneOffset offset = rules.getStandardOffset(java.time.Instant.now());
            observances.add(component(true, LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset, null));
        } else {
            for (ZoneOffsetTransitionRule rule : yearly) {
                ZoneOffsetTransition transition = rule.createTransition(year);
                boolean standard = transition.getOffsetAfter().equals(rule.getStandardOffset());
                observances.add(component(standard, transition.getDateTimeBefore(), transition.getOffsetBefore(),
                        transition.getOffsetAfter(), rrule(rule)));
            }
        }
        PropertyList properties = new PropertyList(List.of(new TzId(zone.getId())));
        return new VTimeZone(properties, new ComponentList<>(observances));
    }

    private static Observance component(boolean standard, LocalDateTime start, ZoneOffset from, ZoneOffset to, String rrule) {
        List<Property> properties = new ArrayList<>(List.of(new DtStart<>(start), new TzOffsetFrom(from), new TzOffsetTo(to)));
        if (rrule != null) {
            properties.add(new RRule<>(rrule));
        }
        return standard ? new Standard(new PropertyList(properties)) : new Daylight(new PropertyList(properties));
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
}
