package eu.plenum.identity;

import eu.plenum.shared.NotFoundException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Whose people the caller may manage, decided from the token alone: operators ({@code admin}) any tenant's,
 * a tenant administrator only the tenant of their own {@code plenum_tenant} claim. Any other tenant id is
 * answered as if it did not exist (404), so that probing ids tells a tenant administrator nothing.
 */
@ApplicationScoped
public class PeopleScope {

    private final SecurityIdentity identity;
    private final CurrentHost host;
    private final TenantDirectory directory;

    PeopleScope(SecurityIdentity identity, CurrentHost host, TenantDirectory directory) {
        this.identity = identity;
        this.host = host;
        this.directory = directory;
    }

    public boolean operator() {
        return identity.hasRole(PlenumRoles.ADMIN);
    }

    /** The tenant named {@code tenantId} if the caller may manage its people; 404 otherwise, 403 for a suspended own tenant. */
    public TenantRef manageable(String tenantId) {
        if (operator()) {
            return directory.get(tenantId);
        }
        if (identity.hasRole(PlenumRoles.TENANT_ADMIN)) {
            TenantRef own = host.tenant();
            if (own.id().equals(tenantId)) {
                return own;
            }
        }
        throw new NotFoundException("There is no tenant '" + tenantId + "'.");
    }

    /** The roles the caller may give or take: a tenant administrator only {@code host}; operators also {@code tenant-admin}. */
    public List<String> grantable() {
        return operator() ? List.of(PlenumRoles.HOST, PlenumRoles.TENANT_ADMIN) : List.of(PlenumRoles.HOST);
    }

    /** Roles whose holders only an operator manages (besides the ones nobody manages here: admin, platform-compliance). */
    List<String> operatorManaged() {
        return List.of(PlenumRoles.TENANT_ADMIN, PlenumRoles.COMPLIANCE);
    }
}
