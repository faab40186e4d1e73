package eu.plenum.audience;

import eu.plenum.shared.PlenumException;
import eu.plenum.shared.SourceRateLimiter;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The per-source-address limit on the attendee endpoints: a token bucket per client address, in
 * memory (each app node limits on its own). Addresses are never logged or stored.
 */
@ApplicationScoped
public class AudienceThrottle {

    private final SourceRateLimiter limiter;

    AudienceThrottle(AudienceConfig config) {
        this.limiter = new SourceRateLimiter(config.perSource().requests(), config.perSource().period());
    }

    /** Lets one request from {@code source} through, or refuses it with 429. */
    public void admit(String source) {
        if (!limiter.tryTake(source)) {
            throw new Throttled(limiter.retryAfterSeconds());
        }
    }

    /** Too many attendee requests from one address. */
    public static final class Throttled extends PlenumException {

        private final int retryAfterSeconds;

        Throttled(int retryAfterSeconds) {
            super("too-many-requests", "Too many requests from your address. Please wait a moment.");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public int status() {
            return 429;
        }

        @Override
        public java.util.OptionalInt retryAfterSeconds() {
            return java.util.OptionalInt.of(retryAfterSeconds);
        }
    }
}
