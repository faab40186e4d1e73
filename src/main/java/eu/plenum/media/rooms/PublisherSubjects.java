package eu.plenum.media.rooms;

import eu.plenum.shared.SubjectKeys;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
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
    private final Instance<CurrentVertxRequest> request;
    private final SubjectKeys keys;

    PublisherSubjects(Instance<SecurityIdentity> identity, Instance<CurrentVertxRequest> request, SubjectKeys keys) {
        this.identity = identity;
        this.request = request;
        this.keys = keys;
    }

    /** The current caller's key in {@code tenantId}, empty for a stream key or outside a request. */
    Optional<String> current(String tenantId) {
        // A stream key is no realm token: asking for the identity would make OIDC authenticate it,
        // fail and turn the publish into a 401.
        if (streamKeyRequest()) {
            return Optional.empty();
        }
        try {
            SecurityIdentity caller = identity.get();
            if (caller.isAnonymous() || !(caller.getPrincipal() instanceof JsonWebToken token)) {
                return Optional.empty();
            }
            Object email = token.getClaim("email");
            String address = email instanceof jakarta.json.JsonString json ? json.getString() : email == null ? null : email.toString();
            return address == null || address.isBlank() ? Optional.empty() : Optional.of(keys.of(tenantId, address));
        } catch (ContextNotActiveException | AuthenticationFailedException e) {
            return Optional.empty();
        }
    }

    private boolean streamKeyRequest() {
        try {
            var current = request.get().getCurrent();
            String authorization = current == null ? null : current.request().getHeader("Authorization");
            return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    && authorization.substring(7).strip().startsWith(RoomDesk.STREAM_KEY_PREFIX);
        } catch (ContextNotActiveException e) {
            return false;
        }
    }
}
