package eu.plenum.traffic;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's bucket4j buckets, keyed by keyed hash. Above {@link #MAX_TRACKED} keys the full (idle)
 * ones are forgotten, so a flood of sources cannot grow memory without bound.
 */
final class LocalBuckets {

    static final int MAX_TRACKED = 100_000;

    private record Held(Bucket bucket, long capacity) {
    }

    private final Map<String, Held> buckets = new ConcurrentHashMap<>();

    Verdict take(String key, EndpointClass.Rate rate) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(held -> held.bucket().getAvailableTokens() >= held.capacity());
        }
        Held held = buckets.computeIfAbsent(key, unused -> new Held(Bucket.builder().addLimit(bandwidth(rate)).build(), rate.requests()));
        return Verdict.of(held.bucket().tryConsumeAndReturnRemaining(1));
    }

    static Bandwidth bandwidth(EndpointClass.Rate rate) {
        return Bandwidth.builder().capacity(rate.requests()).refillGreedy(rate.requests(), rate.period()).build();
    }

    static BucketConfiguration configuration(EndpointClass.Rate rate) {
        return BucketConfiguration.builder().addLimit(bandwidth(rate)).build();
    }
}
