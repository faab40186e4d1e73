package eu.plenum.identity;

import eu.plenum.identity.keycloak.KeycloakPeople;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The hosts of the signed-in host's own tenant, read from Keycloak for the moderator picker: a host
 * picks moderators among them and only among them. Read-only; the tenant comes from the token
 * ({@link CurrentHost}), never from the request, so another tenant's people are never listed.
 */
@ApplicationScoped
public class TenantHosts {

    private final CurrentHost host;
    private final KeycloakPeople keycloak;

    TenantHosts(CurrentHost host, KeycloakPeople keycloak) {
        this.host = host;
        this.keycloak = keycloak;
    }

    /**
     * A host of the tenant as the picker shows them. {@code userId} is their user name, what their token's
     * principal is ({@link CurrentHost#userId()}) and what moderator rows hold; {@code displayName} their name.
     */
    public record Host(String userId, String displayName) {
    }

    /** Whether {@code userId} is an enabled host of the caller's tenant. */
    public boolean isHostOfOwnTenant(String userId) {
        return ofOwnTenant().stream().anyMatch(found -> found.userId().equals(userId));
    }

    /** The enabled hosts of the caller's tenant, sorted by user name. */
    public List<Host> ofOwnTenant() {
        return keycloak.ofTenant(host.tenant().id()).stream()
                .filter(person -> person.enabled() && person.hasRole(PlenumRoles.HOST))
                // Sorted by user name already (KeycloakPeople); those who have not set a password yet are hosts too.
                .map(person -> new Host(person.username(), person.displayName())).toList();
    }
}
