package eu.plenum.liveroom.socket;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/** A bucket4j token bucket for one socket's frames: {@code perSecond} refill up to {@code burst}. */
final class TokenBucket {

    private final Bucket bucket;

    TokenBucket(double perSecond, double burst) {
        // Refill counted per minute so that fractional rates (a frame every few seconds) keep their precision.
        long perMinute = Math.max(1, Math.round(perSecond * 60));
        long capacity = Math.max(1, (long) Math.floor(burst));
        this.bucket = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }

    boolean tryTake() {
        return bucket.tryConsume(1);
    }
}
