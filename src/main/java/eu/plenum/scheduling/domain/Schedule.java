package eu.plenum.scheduling.domain;

import eu.plenum.scheduling.Recurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * When a webinar happens: the host's wall-clock start in an IANA zone, a duration and a
 * recurrence. Occurrences keep the wall-clock time across daylight-saving changes (a 10:00
 * weekly webinar in Berlin stays at 10:00 local, so its UTC instant moves by an hour).
 */
public record Schedule(LocalDateTime startLocal, ZoneId zone, Duration duration, Recurrence recurrence,
        Integer count, LocalDate until) {

    /** Upper bound of sessions one webinar may have. */
    public static final int MAX_OCCURRENCES = 100;

    /** One session's time. */
    public record Occurrence(int index, Instant start, Instant end) {
    }

    public List<Occurrence> occurrences() {
        List<Occurrence> occurrences = new ArrayList<>();
        int limit = recurrence == Recurrence.NONE ? 1 : count != null ? Math.min(count, MAX_OCCURRENCES) : MAX_OCCURRENCES;
        for (int i = 0; i < limit; i++) {
            LocalDateTime local = localStart(i);
            if (recurrence != Recurrence.NONE && until != null && local.toLocalDate().isAfter(until)) {
                break;
            }
            Instant start = toInstant(local, zone);
            occurrences.add(new Occurrence(i, start, start.plus(duration)));
        }
        return occurrences;
    }

    /** Wall-clock start of occurrence {@code i}; monthly ones keep the day, clamped to the month's end. */
    public LocalDateTime localStart(int i) {
        return switch (recurrence) {
            case NONE, DAILY -> startLocal.plusDays(i);
            case WEEKLY -> startLocal.plusWeeks(i);
            case MONTHLY -> startLocal.plusMonths(i);
        };
    }

    /**
     * A wall-clock time in a zone as an instant: a time in a spring-forward gap moves forward by
     * the gap, a time in an autumn overlap takes the earlier offset (java.time's rule).
     */
    public static Instant toInstant(LocalDateTime local, ZoneId zone) {
        return ZonedDateTime.of(local, zone).toInstant();
    }

    /** How many occurrences the recurrence asks for, before the upper bound is applied. */
    public long requestedOccurrences() {
        if (recurrence == Recurrence.NONE) {
            return 1;
        }
        if (count != null) {
            return count;
        }
        long n = 0;
        while (n <= MAX_OCCURRENCES && !localStart((int) n).toLocalDate().isAfter(until)) {
            n++;
        }
        return n;
    }
}
