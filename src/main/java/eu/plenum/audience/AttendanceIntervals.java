package eu.plenum.audience;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rule that turns a registration's presences (one per device connection) into attendance
 * intervals: overlapping presences (two devices, a reconnect that opened before the old stream was
 * noticed closed) become one interval, and so do presences separated by a gap shorter than the bridge
 * (60 s by default). A gap that short is not leaving: the attendee page reconnects its event stream
 * by itself after a network change or reload (back-off up to 15 s), and a presence closed by a dead
 * node ends at its last heartbeat, up to 30 s before the attendee really left it.
 */
public final class AttendanceIntervals {

    /** From {@code start} to {@code end}; both set (an open presence is given "now" as its end by the caller). */
    public record Interval(Instant start, Instant end) {

        public Interval {
            if (end.isBefore(start)) {
                end = start;
            }
        }

        public Duration length() {
            return Duration.between(start, end);
        }
    }

    private AttendanceIntervals() {
    }

    /** Merges presences into disjoint intervals, in time order. */
    public static List<Interval> merge(List<Interval> presences, Duration bridge) {
        List<Interval> sorted = new ArrayList<>(presences);
        sorted.sort(Comparator.comparing(Interval::start).thenComparing(Interval::end));
        List<Interval> merged = new ArrayList<>();
        for (Interval next : sorted) {
            if (!merged.isEmpty()) {
                Interval last = merged.get(merged.size() - 1);
                if (!next.start().isAfter(last.end().plus(bridge))) {
                    merged.set(merged.size() - 1, new Interval(last.start(), next.end().isAfter(last.end()) ? next.end() : last.end()));
                    continue;
                }
            }
            merged.add(next);
        }
        return merged;
    }

    /** The intervals cut to a window (the session's live window); what lies outside it is dropped. */
    public static List<Interval> clip(List<Interval> intervals, Instant from, Instant until) {
        List<Interval> clipped = new ArrayList<>();
        for (Interval interval : intervals) {
            Instant start = interval.start().isBefore(from) ? from : interval.start();
            Instant end = interval.end().isAfter(until) ? until : interval.end();
            if (end.isAfter(start)) {
                clipped.add(new Interval(start, end));
            }
        }
        return clipped;
    }

    public static Duration total(List<Interval> intervals) {
        return intervals.stream().map(Interval::length).reduce(Duration.ZERO, Duration::plus);
    }
}
