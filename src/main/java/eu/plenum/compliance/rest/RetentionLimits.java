package eu.plenum.compliance.rest;

import eu.plenum.shared.PlenumException;
import eu.plenum.shared.RequestBodyLimit;
import eu.plenum.shared.SourceRateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Limits of the retention and register API: a rule change is a few bytes (1 KiB at most), and each
 * officer account may make 60 requests a minute — a register or a preview reads every tenant's tables.
 */
@ApplicationScoped
public class RetentionLimits {

    static final Pattern PATHS = Pattern.compile("/api/compliance/(retention|register)(/.*)?");

    private final SourceRateLimiter perActor = new SourceRateLimiter(60, Duration.ofMinutes(1));

    @Produces
    @jakarta.inject.Singleton
    RequestBodyLimit retentionBodies() {
        return new RequestBodyLimit(PATHS, 1024, "A retention request");
    }

    /** Counts one request of the account; 429 with Retry-After beyond the limit. */
    public void take(String actor) {
        if (!perActor.tryTake(actor)) {
            throw new TooManyRequests(perActor.retryAfterSeconds());
        }
    }

    /** One officer account sent more requests than the limit allows. */
    static class TooManyRequests extends PlenumException {

        private final int retryAfter;

        TooManyRequests(int retryAfter) {
            super("too-many-requests", "Too many compliance requests from this account. Please try again shortly.");
            this.retryAfter = retryAfter;
        }

        @Override
        public int status() {
            return 429;
        }

        @Override
        public java.util.OptionalInt retryAfterSeconds() {
            return java.util.OptionalInt.of(retryAfter);
        }
    }
}
