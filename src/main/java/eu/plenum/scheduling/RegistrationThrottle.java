package eu.plenum.scheduling;

import eu.plenum.shared.SourceRateLimiter;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The per-source-address limit on public registration requests ({@code plenum.registration.per-source.*}).
 * The per-address mail limit in {@link Registrations} is the one that holds across nodes.
 */
@ApplicationScoped
public class RegistrationThrottle {

    private final SourceRateLimiter limiter;

    RegistrationThrottle(RegistrationConfig config) {
        this.limiter = new SourceRateLimiter(config.perSource().requests(), config.perSource().period());
    }

    /** Lets one request from {@code source} through, or refuses it with 429. */
    public void admit(String source) {
        if (!limiter.tryTake(source)) {
            throw new RegistrationThrottledException(limiter.retryAfterSeconds());
        }
    }
}
