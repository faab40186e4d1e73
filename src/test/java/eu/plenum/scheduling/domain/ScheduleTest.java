package eu.plenum.scheduling.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.plenum.scheduling.Recurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recurrences keep the host's wall-clock time across daylight-saving changes. */
class ScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void weeklyWebinarAcrossTheOctoberChangeKeepsTenOClockLocal() {
        // 2026-10-25 03:00 CEST -> 02:00 CET
        Schedule weekly = new Schedule(LocalDateTime.parse("2026-10-20T10:00"), BERLIN, Duration.ofMinutes(60),
                Recurrence.WEEKLY, 3, null);
        List<Schedule.Occurrence> sessions = weekly.occurrences();
        assertEquals(Instant.parse("2026-10-20T08:00:00Z"), sessions.get(0).start());
        assertEquals(Instant.parse("2026-10-27T09:00:00Z"), sessions.get(1).start());
        assertEquals(Instant.parse("2026-11-03T09:00:00Z"), sessions.get(2).start());
        assertEquals(Instant.parse("2026-10-27T10:00:00Z"), sessions.get(1).end());
    }

    @Test
    void dailyWebinarThroughTheMarchChange() {
        // 2027-03-28 02:00 CET -> 03:00 CEST
        List<Schedule.Occurrence> sessions = new Schedule(LocalDateTime.parse("2027-03-27T09:30"), BERLIN,
                Duration.ofMinutes(30), Recurrence.DAILY, null, LocalDate.parse("2027-03-29")).occurrences();
        assertEquals(List.of(Instant.parse("2027-03-27T08:30:00Z"), Instant.parse("2027-03-28T07:30:00Z"),
                Instant.parse("2027-03-29T07:30:00Z")), sessions.stream().map(Schedule.Occurrence::start).toList());
    }

    @Test
    void wallClockTimeInTheSpringGapMovesForward() {
        Instant start = Schedule.toInstant(LocalDateTime.parse("2027-03-28T02:30"), BERLIN);
        assertEquals(Instant.parse("2027-03-28T01:30:00Z"), start); // 03:30 CEST
    }

    @Test
    void monthlyOnThe31stClampsToTheMonthsEnd() {
        List<Schedule.Occurrence> sessions = new Schedule(LocalDateTime.parse("2027-01-31T18:00"), ZoneId.of("UTC"),
                Duration.ofMinutes(60), Recurrence.MONTHLY, 3, null).occurrences();
        assertEquals(Instant.parse("2027-02-28T18:00:00Z"), sessions.get(1).start());
        assertEquals(Instant.parse("2027-03-31T18:00:00Z"), sessions.get(2).start());
    }

    @Test
    void oneOffHasOneSessionAndCountIsCapped() {
        assertEquals(1, new Schedule(LocalDateTime.parse("2027-01-01T10:00"), BERLIN, Duration.ofMinutes(60),
                Recurrence.NONE, 5, null).occurrences().size());
        assertEquals(Schedule.MAX_OCCURRENCES, new Schedule(LocalDateTime.parse("2027-01-01T10:00"), BERLIN,
                Duration.ofMinutes(60), Recurrence.DAILY, 500, null).occurrences().size());
    }
}
