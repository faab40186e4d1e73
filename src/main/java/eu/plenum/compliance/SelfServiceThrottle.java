package eu.plenum.compliance;

import eu.plenum.shared.RequestBodyLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.regex.Pattern;

/**
 * The public privacy-request page's small body limit. Its per-address limit is the traffic gate's
 * 'self-service' class, shared by every app node ({@code plenum.compliance.requests.self-service.per-source-*}).
 */
@ApplicationScoped
public class SelfServiceThrottle {

    /** A form with an address and a kind fits easily. */
    static final long MAX_BODY_BYTES = 2048;

    @Produces
    @jakarta.inject.Singleton
    static RequestBodyLimit privacyRequestBodies() {
        return new RequestBodyLimit(Pattern.compile("^/privacy/requests(/.*)?$"), MAX_BODY_BYTES, "A privacy request");
    }
}
