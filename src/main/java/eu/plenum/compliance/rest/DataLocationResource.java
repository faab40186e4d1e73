package eu.plenum.compliance.rest;

import eu.plenum.shared.Audited;
import eu.plenum.compliance.DataLocationDownloads;
import eu.plenum.compliance.OfficerScope;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.residency.TransferLog;
import eu.plenum.residency.TransferRecord;
import eu.plenum.shared.AccessRefusedException;
import java.util.UUID;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where each tenant's personal data is, and every transfer attempted: for auditors. A tenant's
 * data-protection officer sees only their tenant (another tenant's report: 403; another tenant's
 * webinar: 404, as if it did not exist; transfers: their tenant's only).
 */
@Path("/api/compliance")
@RolesAllowed({PlenumRoles.ADMIN, PlenumRoles.COMPLIANCE, PlenumRoles.PLATFORM_COMPLIANCE})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
@SecurityRequirement(name = "SecurityScheme")
public class DataLocationResource {

    private final DataLocationDownloads downloads;
    private final TransferLog transfers;
    private final OfficerScope scope;

    DataLocationResource(DataLocationDownloads downloads, TransferLog transfers, OfficerScope scope) {
        this.downloads = downloads;
        this.scope = scope;
        this.transfers = transfers;
    }

    @GET
    @Path("tenants/{id}/data-location")
    @Operation(summary = "Data-location report of one tenant: category → place → region → country → jurisdiction, and its transfers")
    @Audited(value = "personal-data.read", tenantParam = "id", what = "data-location-report")
    public Response dataLocation(@PathParam("id") String id) {
        return downloads.tenant(id);
    }

    @GET
    @Path("webinars/{id}/data-location")
    @Operation(summary = "Data-location report of one webinar: its registrations, mails, recordings, webhook events and the media nodes and sites of its live sessions")
    @Audited(value = "personal-data.read", what = "webinar-data-location-report")
    public Response webinarDataLocation(@PathParam("id") UUID id) {
        return downloads.webinar(id);
    }

    @GET
    @Path("transfers")
    @Operation(summary = "The transfer log, newest first; optionally for one tenant (a tenant's officer: always their own)")
    @Audited(value = "personal-data.read", what = "transfer-log")
    public List<TransferRecord> transfers(@QueryParam("tenant") String tenant,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        if (scope.seesEveryTenant()) {
            return transfers.latest(tenant, limit);
        }
        String own = scope.ownTenant().orElseThrow(() -> new AccessRefusedException("outside-compliance-scope",
                "This compliance account is not assigned to a tenant."));
        if (tenant != null && !tenant.isBlank()) {
            scope.requireTenant(tenant);
        }
        scope.requireTenant(own);
        return transfers.latest(own, limit);
    }
}
