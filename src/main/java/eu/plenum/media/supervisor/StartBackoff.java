package eu.plenum.media.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When worker starts keep failing, the pool stops hammering the machine but never gives up: after
 * {@code plenum.media.failed-starts-before-backoff} failures in a row it waits, doubling the wait
 * after every further failure up to {@code plenum.media.start-retry-max}, then tries one start again.
 * Not thread-safe: the pool calls it under its own lock.
 */
final class StartBackoff {

    private final int failuresBeforeBackoff;
    private final Duration firstWait;
    private final Duration longestWait;
    private int failuresInARow;
    private String lastFailure;
    private Instant retryAt;

    StartBackoff(int failuresBeforeBackoff, Duration firstWait, Duration longestWait) {
        this.failuresBeforeBackoff = failuresBeforeBackoff;
        this.firstWait = firstWait;
        this.longestWait = longestWait;
    }

    void failed(String reason, Instant now) {
        failuresInARow++;
        lastFailure = reason;
        if (failuresInARow >= failuresBeforeBackoff) {
            retryAt = now.plus(waitAfter(failuresInARow));
        }
    }

    void succeeded() {
        failuresInARow = 0;
        retryAt = null;
    }

    /** The wait after the n-th failure in a row: {@code firstWait · 2^(n - threshold)}, capped. */
    Duration waitAfter(int failures) {
        int doublings = Math.min(30, Math.max(0, failures - failuresBeforeBackoff));
        Duration wait = firstWait.multipliedBy(1L << doublings);
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }

    /** Whether starts are suspended until {@link #retryAt()}. */
    boolean waiting(Instant now) {
        return retryAt != null && now.isBefore(retryAt);
    }

    /** Enough failures in a row that this node counts as unable to start workers (health is down). */
    boolean cannotStart() {
        return failuresInARow >= failuresBeforeBackoff;
    }

    Optional<Instant> retryAt() {
        return Optional.ofNullable(retryAt);
    }

    Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    int failuresInARow() {
        return failuresInARow;
    }
}
