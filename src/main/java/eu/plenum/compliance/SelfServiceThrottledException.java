package eu.plenum.compliance;

import eu.plenum.shared.PlenumException;

/** Too many self-service privacy asks from one client address, or for one e-mail address today. */
public class SelfServiceThrottledException extends PlenumException {

    private final int retryAfterSeconds;

    public SelfServiceThrottledException(int retryAfterSeconds) {
        super("too-many-privacy-requests", "Too many privacy requests. Please try again later.");
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
