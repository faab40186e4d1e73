package eu.plenum.compliance;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TokenClaims;
import eu.plenum.shared.AccessRefusedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Which tenants the signed-in compliance officer may see: a tenant's data-protection officer
 * ({@value PlenumRoles#COMPLIANCE} with a {@value PlenumRoles#TENANT_CLAIM}) only their own, the
 * platform's officer ({@value PlenumRoles#PLATFORM_COMPLIANCE}, or an operator) every tenant. Every
 * compliance use case asks this bean instead of trusting a tenant id from the request.
 */
@RequestScoped
public class OfficerScope {

    private final SecurityIdentity identity;

    OfficerScope(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** True for the platform's officer and for operators. */
    public boolean seesEveryTenant() {
        return identity.hasRole(PlenumRoles.PLATFORM_COMPLIANCE) || identity.hasRole(PlenumRoles.ADMIN);
    }

    /** The one tenant a tenant's officer is limited to; empty for one who sees every tenant. */
    public Optional<String> ownTenant() {
        if (seesEveryTenant()) {
            return Optional.empty();
        }
        return TokenClaims.string(identity.getPrincipal(), PlenumRoles.TENANT_CLAIM);
    }

    /** Refuses (403) a tenant outside the officer's scope; an officer with no tenant sees none. */
    public void requireTenant(String tenantId) {
        if (!mayAccess(tenantId)) {
            throw new AccessRefusedException("outside-compliance-scope", "This compliance account may not act for tenant " + tenantId + ".");
        }
    }

    public boolean mayAccess(String tenantId) {
        return seesEveryTenant() || ownTenant().filter(own -> own.equals(tenantId)).isPresent()
                && identity.hasRole(PlenumRoles.COMPLIANCE);
    }

    /**
     * The account id the audit log names as actor: the token's {@code sub} (Keycloak's user id),
     * not the user name, so the chain holds no personal data of staff either.
     */
    public String actor() {
        return TokenClaims.string(identity.getPrincipal(), "sub").orElse(identity.getPrincipal().getName());
    }
}
