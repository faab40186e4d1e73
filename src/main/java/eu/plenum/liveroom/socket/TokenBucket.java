package eu.plenum.liveroom.socket;

/** A token bucket for one socket's frames: {@code perSecond} refill up to {@code burst}. */
final class TokenBucket {

    private final double perSecond;
    private final double burst;
    private double tokens;
    private long refilledAt = System.nanoTime();

    TokenBucket(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
    }

    synchronized boolean tryTake() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
