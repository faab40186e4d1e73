package eu.plenum.compliance.erasure;

import eu.plenum.shared.PlenumException;
import eu.plenum.shared.RequestBodyLimit;
import eu.plenum.shared.SourceRateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Limits of the erasure API: 60 requests a minute per officer account on each node (an officer's
 * console polls a receipt; a script that erases in a loop is stopped), and 4 KiB per request body.
 */
@ApplicationScoped
public class ErasureThrottle {

    private final SourceRateLimiter limiter = new SourceRateLimiter(60, Duration.ofMinutes(1));

    /** Lets one request of {@code actor} through, or refuses it with 429. */
    public void admit(String actor) {
        if (!limiter.tryTake(actor)) {
            throw new Throttled(limiter.retryAfterSeconds());
        }
    }

    @Produces
    @jakarta.inject.Singleton
    RequestBodyLimit erasureBodies() {
        return new RequestBodyLimit(Pattern.compile("/api/compliance/erasures(/.*)?"), 4096, "An erasure request");
    }

    /** Too many erasure API requests from one account. */
    static final class Throttled extends PlenumException {

        private final int retryAfter;

        Throttled(int retryAfter) {
            super("too-many-erasure-requests", "Too many erasure requests from this account; try again shortly.");
            this.retryAfter = retryAfter;
        }

        @Override
        public int status() {
            return 429;
        }

        @Override
        public OptionalInt retryAfterSeconds() {
            return OptionalInt.of(retryAfter);
        }
    }
}
