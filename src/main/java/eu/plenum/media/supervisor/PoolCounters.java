package eu.plenum.media.supervisor;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Running totals of the pool, for metrics and the admin view. */
final class PoolCounters {

    private final AtomicLong started = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong failedStarts = new AtomicLong();
    private volatile Duration lastStartTime = Duration.ZERO;

    void startedOne(Duration took) {
        started.incrementAndGet();
        lastStartTime = took;
    }

    void failedOne() {
        failed.incrementAndGet();
    }

    void failedStartOne() {
        failedStarts.incrementAndGet();
    }

    long failedStarts() {
        return failedStarts.get();
    }

    long started() {
        return started.get();
    }

    long failed() {
        return failed.get();
    }

    Duration lastStartTime() {
        return lastStartTime;
    }
}
