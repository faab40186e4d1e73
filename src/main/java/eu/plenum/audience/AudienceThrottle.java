package eu.plenum.audience;

import eu.plenum.shared.PlenumException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-source-address limit on the attendee endpoints: a token bucket per client address, in
 * memory (each app node limits on its own). Addresses are never logged or stored.
 */
@ApplicationScoped
public class AudienceThrottle {

    private static final int MAX_TRACKED = 50_000;

    private final int capacity;
    private final double refillPerNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    AudienceThrottle(AudienceConfig config) {
        this.capacity = config.perSource().requests();
        this.refillPerNano = (double) capacity / config.perSource().period().toNanos();
    }

    /** Lets one request from {@code source} through, or refuses it with 429. */
    public void admit(String source) {
        long now = System.nanoTime();
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(bucket -> bucket.full(now));
        }
        if (!buckets.computeIfAbsent(source == null ? "unknown" : source, key -> new Bucket(now)).take(now)) {
            throw new Throttled();
        }
    }

    /** Too many attendee requests from one address. */
    public static final class Throttled extends PlenumException {

        Throttled() {
            super("too-many-requests", "Too many requests from your address. Please wait a moment.");
        }

        @Override
        public int status() {
            return 429;
        }
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
