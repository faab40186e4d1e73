package eu.plenum.scheduling;

import eu.plenum.scheduling.domain.Registration;
import eu.plenum.scheduling.domain.RegistrationRepository;
import eu.plenum.shared.LinkTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A registrant's confirmation and join links, derived from the registration's id and link
 * versions (see {@link LinkTokens}); found again by the id the token carries, checked in
 * constant time against the current version.
 */
@ApplicationScoped
public class PersonalLinks {

    static final String CONFIRM = "confirm";
    static final String JOIN = "join";

    private final LinkTokens tokens;
    private final RegistrationRepository registrations;

    PersonalLinks(LinkTokens tokens, RegistrationRepository registrations) {
        this.tokens = tokens;
        this.registrations = registrations;
    }

    /** The registration whose current confirmation link this is. */
    Optional<Registration> byConfirmToken(String token) {
        return find(token, CONFIRM);
    }

    /** The registration whose current join link this is (whether it still works is the caller's rule). */
    Optional<Registration> byJoinToken(String token) {
        return find(token, JOIN);
    }

    String joinToken(Registration registration) {
        return tokens.token(JOIN, registration.id(), registration.joinVersion());
    }

    /** What a queued mail holds in place of the confirmation token. */
    static String confirmPlaceholder(Registration registration) {
        return LinkTokens.placeholder(CONFIRM, registration.id(), registration.confirmVersion());
    }

    /** What a queued mail holds in place of the join token. */
    static String joinPlaceholder(Registration registration) {
        return LinkTokens.placeholder(JOIN, registration.id(), registration.joinVersion());
    }

    private Optional<Registration> find(String token, String purpose) {
        return tokens.idOf(token).flatMap(registrations::findByIdOptional)
                .filter(found -> tokens.matches(token, purpose, found.id(),
                        CONFIRM.equals(purpose) ? found.confirmVersion() : found.joinVersion()));
    }
}
