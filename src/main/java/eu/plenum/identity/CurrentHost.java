package eu.plenum.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * The signed-in host and their tenant. Every tenant-scoped use case asks this bean for the tenant
 * instead of trusting an id from the request, so one tenant can never address another's data.
 */
@RequestScoped
public class CurrentHost {

    private final SecurityIdentity identity;
    private final TenantDirectory directory;
    private TenantRef tenant;

    CurrentHost(SecurityIdentity identity, TenantDirectory directory) {
        this.identity = identity;
        this.directory = directory;
    }

    /**
     * The host's tenant; refuses hosts whose token names no tenant or an unknown one, and the people of a
     * suspended tenant (read from the register on every request, so a suspension holds at the next request).
     */
    public TenantRef tenant() {
        if (tenant == null) {
            String claimed = TokenClaims.string(identity.getPrincipal(), PlenumRoles.TENANT_CLAIM).orElseThrow(() ->
                    new NoTenantException("Your account is not linked to a Plenum tenant. "
                            + "Ask an administrator to set the '" + PlenumRoles.TENANT_CLAIM + "' attribute of your user."));
            tenant = directory.find(claimed).orElseThrow(() -> new NoTenantException(
                    "Your account names a tenant that does not exist. Ask an administrator to correct it."));
            if (tenant.suspended()) {
                TenantRef refused = tenant;
                tenant = null;
                throw new TenantSuspendedException(refused.name());
            }
        }
        return tenant;
    }

    public String userId() {
        return identity.getPrincipal().getName();
    }
}
