package eu.plenum.identity;

import eu.plenum.shared.PlenumException;

/** Keycloak, where people live, did not answer or failed: nothing was changed that the caller did not see. */
public class IdentityStoreUnavailableException extends PlenumException {

    public IdentityStoreUnavailableException(String detail) {
        super("identity-store-unavailable", detail);
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public java.util.OptionalInt retryAfterSeconds() {
        return java.util.OptionalInt.of(5);
    }
}
