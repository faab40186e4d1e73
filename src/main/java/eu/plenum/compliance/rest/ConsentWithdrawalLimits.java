package eu.plenum.compliance.rest;

import eu.plenum.shared.RequestBodyLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.regex.Pattern;

/** A recorded consent withdrawal is an address and a kind: 1 KiB of body at most (the rate is the officer throttle's). */
@ApplicationScoped
class ConsentWithdrawalLimits {

    static final Pattern PATHS = Pattern.compile("/api/compliance/consent-withdrawals");

    @Produces
    @jakarta.inject.Singleton
    RequestBodyLimit consentWithdrawalBodies() {
        return new RequestBodyLimit(PATHS, 1024, "A consent withdrawal");
    }
}
