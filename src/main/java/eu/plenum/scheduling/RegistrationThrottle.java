package eu.plenum.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-source-address limit on public registration requests: a token bucket per client
 * address, in memory (each app node limits on its own, which bounds the total by the node count).
 * The per-address mail limit in {@link Registrations} is the one that holds across nodes.
 */
@ApplicationScoped
public class RegistrationThrottle {

    /** Above this many tracked addresses, full (idle) buckets are forgotten: memory stays bounded. */
    private static final int MAX_TRACKED = 50_000;

    private final int capacity;
    private final double refillPerNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RegistrationThrottle(RegistrationConfig config) {
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
            throw new RegistrationThrottledException();
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
