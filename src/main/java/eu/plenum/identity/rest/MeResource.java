package eu.plenum.identity.rest;

import eu.plenum.identity.CurrentHost;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TenantRef;
import eu.plenum.identity.Viewer;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the caller is, as Plenum understands their token. */
@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
@SecurityRequirement(name = "SecurityScheme")
public class MeResource {

    private final SecurityIdentity identity;
    private final CurrentHost host;
    private final Viewer viewer;

    MeResource(SecurityIdentity identity, CurrentHost host, Viewer viewer) {
        this.identity = identity;
        this.host = host;
        this.viewer = viewer;
    }

    /** The caller's roles and, for hosts, their tenant. */
    public record Me(String displayName, List<String> roles, TenantAdminResource.TenantResponse tenant) {
    }

    @GET
    @Operation(summary = "The caller, their roles and their tenant; hosts without a tenant are refused")
    public Me me() {
        Set<String> roles = identity.getRoles();
        TenantRef tenant = roles.contains(PlenumRoles.HOST) ? host.tenant() : null;
        return new Me(viewer.getDisplayName(),
                roles.stream().filter(role -> Set.of(PlenumRoles.ADMIN, PlenumRoles.HOST, PlenumRoles.COMPLIANCE).contains(role))
                        .sorted().toList(),
                tenant == null ? null : TenantAdminResource.TenantResponse.of(tenant));
    }
}
