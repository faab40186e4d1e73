package eu.plenum.compliance;

import eu.plenum.shared.RequestBodyLimit;
import eu.plenum.shared.SourceRateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.regex.Pattern;

/** The public privacy-request page's guards: a token bucket per client address, and a small body limit. */
@ApplicationScoped
public class SelfServiceThrottle {

    /** A form with an address and a kind fits easily. */
    static final long MAX_BODY_BYTES = 2048;

    private final SourceRateLimiter limiter;

    SelfServiceThrottle(SubjectRequestConfig config) {
        this.limiter = new SourceRateLimiter(config.selfService().perSourceRequests(), config.selfService().perSourcePeriod());
    }

    /** Lets one request from {@code source} through, or refuses it with 429. */
    public void admit(String source) {
        if (!limiter.tryTake(source)) {
            throw new SelfServiceThrottledException(limiter.retryAfterSeconds());
        }
    }

    @Produces
    @jakarta.inject.Singleton
    static RequestBodyLimit privacyRequestBodies() {
        return new RequestBodyLimit(Pattern.compile("^/privacy/requests(/.*)?$"), MAX_BODY_BYTES, "A privacy request");
    }
}
