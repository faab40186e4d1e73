package eu.plenum.media.rooms;

import eu.plenum.shared.SubjectKeys;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who publishes, as the keyed hash of their address in the room's tenant: a host's access token or
 * studio sign-in names a person (its {@code email} claim), a stream key names none. Kept on the
 * publisher so that an erasure of that person finds the recordings in which they published, without
 * the address in clear in the media tables.
 */
@ApplicationScoped
class PublisherSubjects {

    private final Instance<SecurityIdentity> identity;
    private final SubjectKeys keys;

    PublisherSubjects(Instance<SecurityIdentity> identity, SubjectKeys keys) {
        this.identity = identity;
        this.keys = keys;
    }

    /** The current caller's key in {@code tenantId}, empty for a stream key or outside a request. */
    Optional<String> current(String tenantId) {
        try {
            SecurityIdentity caller = identity.get();
            if (caller.isAnonymous() || !(caller.getPrincipal() instanceof JsonWebToken token)) {
                return Optional.empty();
            }
            Object email = token.getClaim("email");
            String address = email instanceof jakarta.json.JsonString json ? json.getString() : email == null ? null : email.toString();
            return address == null || address.isBlank() ? Optional.empty() : Optional.of(keys.of(tenantId, address));
        } catch (ContextNotActiveException e) {
            return Optional.empty();
        }
    }
}
