package eu.plenum.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.plenum.audience.AttendanceIntervals.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merge rule: overlapping devices and short reconnect gaps become one interval; a real absence does not. */
class AttendanceIntervalsTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration BRIDGE = Duration.ofSeconds(60);

    private static Interval at(int fromSeconds, int toSeconds) {
        return new Interval(T0.plusSeconds(fromSeconds), T0.plusSeconds(toSeconds));
    }

    @Test
    void aReconnectWithinTheBridgeIsOneInterval() {
        List<Interval> merged = AttendanceIntervals.merge(List.of(at(0, 600), at(630, 1200)), BRIDGE);
        assertEquals(List.of(at(0, 1200)), merged);
        assertEquals(Duration.ofMinutes(20), AttendanceIntervals.total(merged));
    }

    @Test
    void twoDevicesOverlappingCountOnce() {
        // laptop 0–20 min, phone 15–30 min, given out of order
        List<Interval> merged = AttendanceIntervals.merge(List.of(at(900, 1800), at(0, 1200)), BRIDGE);
        assertEquals(List.of(at(0, 1800)), merged);
        assertEquals(Duration.ofMinutes(30), AttendanceIntervals.total(merged));
    }

    @Test
    void aPresenceInsideAnotherChangesNothing() {
        assertEquals(List.of(at(0, 1800)), AttendanceIntervals.merge(List.of(at(0, 1800), at(300, 400)), BRIDGE));
    }

    @Test
    void aGapLongerThanTheBridgeIsLeaving() {
        List<Interval> merged = AttendanceIntervals.merge(List.of(at(0, 300), at(361, 600), at(2400, 2700)), BRIDGE);
        assertEquals(List.of(at(0, 300), at(361, 600), at(2400, 2700)), merged);
        assertEquals(List.of(at(0, 600)), AttendanceIntervals.merge(List.of(at(0, 300), at(360, 600)), BRIDGE),
                "exactly the bridge is still bridged");
        assertEquals(Duration.ofMinutes(13).plusSeconds(59), AttendanceIntervals.total(merged));
    }

    @Test
    void clippingToTheLiveWindowDropsTheWaitInTheLobby() {
        List<Interval> merged = AttendanceIntervals.merge(List.of(at(-600, 60), at(100, 3900), at(4000, 4100)), BRIDGE);
        List<Interval> clipped = AttendanceIntervals.clip(merged, T0, T0.plusSeconds(3600));
        assertEquals(List.of(at(0, 3600)), clipped);
    }

    @Test
    void aPresenceThatEndedBeforeItStartedIsEmpty() {
        assertEquals(Duration.ZERO, at(100, 50).length());
        assertEquals(List.of(), AttendanceIntervals.merge(List.of(), BRIDGE));
    }
}
