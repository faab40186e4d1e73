package eu.plenum.scheduling;

import eu.plenum.shared.PlenumException;

/** One client address sent more registration requests than the per-source limit allows. */
public class RegistrationThrottledException extends PlenumException {

    private final int retryAfterSeconds;

    public RegistrationThrottledException(int retryAfterSeconds) {
        super("too-many-registrations", "Too many registration requests from your address. Please try again later.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public java.util.OptionalInt retryAfterSeconds() {
        return java.util.OptionalInt.of(retryAfterSeconds);
    }

    @Override
    public int status() {
        return 429;
    }
}
