package eu.plenum.scheduling;

import eu.plenum.shared.PlenumException;

/** One client address sent more registration requests than the per-source limit allows. */
public class RegistrationThrottledException extends PlenumException {

    public RegistrationThrottledException() {
        super("too-many-registrations", "Too many registration requests from your address. Please try again later.");
    }

    @Override
    public int status() {
        return 429;
    }
}
