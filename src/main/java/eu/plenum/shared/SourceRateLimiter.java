package eu.plenum.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address, in memory: {@code requests} per {@code period}, refilled
 * continuously. Each app node limits on its own, which bounds the total by the node count. Above
 * {@link #MAX_TRACKED} addresses the full (idle) buckets are forgotten, so memory stays bounded under
 * a flood of sources. Addresses are kept only as map keys while their bucket is not full; never logged.
 */
public final class SourceRateLimiter {

    static final int MAX_TRACKED = 50_000;

    private final int capacity;
    private final double refillPerNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SourceRateLimiter(int requests, Duration period) {
        this.capacity = requests;
        this.refillPerNano = (double) requests / period.toNanos();
    }

    /** Seconds until an empty bucket holds a request again: the {@code Retry-After} of a refusal. */
    public int retryAfterSeconds() {
        return (int) Math.max(1, Math.ceil(1 / refillPerNano / 1e9));
    }

    /** Takes one request of {@code source}; false when its bucket is empty (answer 429). */
    public boolean tryTake(String source) {
        long now = System.nanoTime();
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(bucket -> bucket.full(now));
        }
        return buckets.computeIfAbsent(source == null ? "unknown" : source, key -> new Bucket(now)).take(now);
    }

    private final class Bucket {

        private double tokens = capacity;
        private long updated;

        Bucket(long now) {
            this.updated = now;
        }

        synchronized boolean take(long now) {
            refill(now);
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * refillPerNano);
            updated = now;
        }
    }
}
