package eu.plenum.compliance.rest;

import eu.plenum.shared.Audited;
import eu.plenum.compliance.OfficerScope;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TenantDirectory;
import eu.plenum.identity.TenantRef;
import eu.plenum.residency.DataLocationReport;
import eu.plenum.residency.DataLocationReports;
import eu.plenum.residency.TransferLog;
import eu.plenum.residency.TransferRecord;
import eu.plenum.scheduling.WebinarDirectory;
import eu.plenum.shared.AccessRefusedException;
import eu.plenum.shared.NotFoundException;
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

    private final TenantDirectory tenants;
    private final WebinarDirectory webinars;
    private final DataLocationReports reports;
    private final TransferLog transfers;
    private final OfficerScope scope;

    DataLocationResource(TenantDirectory tenants, WebinarDirectory webinars, DataLocationReports reports, TransferLog transfers,
            OfficerScope scope) {
        this.scope = scope;
        this.tenants = tenants;
        this.webinars = webinars;
        this.reports = reports;
        this.transfers = transfers;
    }

    @GET
    @Path("tenants/{id}/data-location")
    @Operation(summary = "Data-location report of one tenant: category → place → region → country → jurisdiction, and its transfers")
    @Audited(value = "personal-data.read", tenantParam = "id", what = "data-location-report")
    public Response dataLocation(@PathParam("id") String id) {
        scope.requireTenant(id);
        TenantRef tenant = tenants.get(id);
        DataLocationReport report = reports.forTenant(tenant.id(), tenant.name(), tenant.homeRegionCode());
        return Response.ok(report)
                .header("Content-Disposition", "attachment; filename=\"data-location-" + tenant.id() + ".json\"")
                .build();
    }

    /** The per-webinar report with the webinar's sessions; media nodes per session come with the media engine. */
    public record WebinarDataLocation(UUID webinarId, String title, long registrations,
            List<eu.plenum.scheduling.WebinarView.SessionView> sessions, DataLocationReport places) {
    }

    @GET
    @Path("webinars/{id}/data-location")
    @Operation(summary = "Data-location report of one webinar: its registrations, mails, recordings, webhook events and the media nodes and sites of its live sessions")
    @Audited(value = "personal-data.read", what = "webinar-data-location-report")
    public Response webinarDataLocation(@PathParam("id") UUID id) {
        WebinarDirectory.Entry entry = webinars.get(id);
        if (!scope.mayAccess(entry.tenantId())) {
            throw new NotFoundException("There is no webinar " + id + ".");
        }
        TenantRef tenant = tenants.get(entry.tenantId());
        DataLocationReport places = reports.forWebinar(tenant.id(), tenant.name(), tenant.homeRegionCode(), id, entry.webinar().title());
        return Response.ok(new WebinarDataLocation(id, entry.webinar().title(), entry.registrations(), entry.webinar().sessions(), places))
                .header("Content-Disposition", "attachment; filename=\"data-location-webinar-" + id + ".json\"")
                .build();
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
