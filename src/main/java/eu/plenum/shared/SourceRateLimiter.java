package eu.plenum.shared;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bucket4j token bucket per key (a client address or an account), in memory: {@code requests} per
 * {@code period}, refilled continuously, so a context's own per-node limit rests on a maintained
 * library rather than on hand-written counters. Above {@link #MAX_TRACKED} keys the full (idle)
 * buckets are forgotten, so memory stays bounded under a flood of sources; keys are never logged.
 */
public final class SourceRateLimiter {

    static final int MAX_TRACKED = 50_000;

    private final int capacity;
    private final Duration period;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SourceRateLimiter(int requests, Duration period) {
        this.capacity = requests;
        this.period = period;
    }

    /** Seconds until an empty bucket holds a request again: the {@code Retry-After} of a refusal. */
    public int retryAfterSeconds() {
        return (int) Math.max(1, Math.ceil(period.toNanos() / (double) capacity / 1e9));
    }

    /** Takes one request of {@code source}; false when its bucket is empty (answer 429). */
    public boolean tryTake(String source) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacity);
        }
        return buckets.computeIfAbsent(source == null ? "unknown" : source, key -> newBucket()).tryConsume(1);
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()).build();
    }
}
