package eu.plenum.quotas.rest;

import eu.plenum.identity.CurrentHost;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.quotas.TenantQuotas;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant administrator's own tenant's quotas and usage: read only, and never another tenant's. */
@Path("/api/tenant/quotas")
@RolesAllowed(PlenumRoles.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quotas")
@SecurityRequirement(name = "SecurityScheme")
public class OwnQuotaResource {

    private final TenantQuotas quotas;
    private final CurrentHost host;

    OwnQuotaResource(TenantQuotas quotas, CurrentHost host) {
        this.quotas = quotas;
        this.host = host;
    }

    @GET
    @Operation(summary = "The caller's own tenant's quotas with its usage now (tenant administrators)")
    public List<TenantQuotaResource.QuotaLine> own() {
        return TenantQuotaResource.QuotaLine.of(quotas.of(host.tenant().id()));
    }
}
