package eu.plenum.compliance;

import eu.plenum.identity.TenantDirectory;
import eu.plenum.identity.TenantRef;
import eu.plenum.residency.DataLocationReport;
import eu.plenum.residency.DataLocationReports;
import eu.plenum.scheduling.WebinarDirectory;
import eu.plenum.scheduling.WebinarView;
import eu.plenum.shared.NotFoundException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * The data-location reports as JSON downloads, within the officer's scope: for the API (bearer) and
 * for the console pages (signed-in browser), which cannot follow a link into the bearer-only API.
 */
@RequestScoped
public class DataLocationDownloads {

    /** The per-webinar report with the webinar's sessions. */
    public record WebinarDataLocation(UUID webinarId, String title, long registrations, List<WebinarView.SessionView> sessions,
            DataLocationReport places) {
    }

    private final TenantDirectory tenants;
    private final WebinarDirectory webinars;
    private final DataLocationReports reports;
    private final OfficerScope scope;

    DataLocationDownloads(TenantDirectory tenants, WebinarDirectory webinars, DataLocationReports reports, OfficerScope scope) {
        this.tenants = tenants;
        this.webinars = webinars;
        this.reports = reports;
        this.scope = scope;
    }

    /** One tenant's report (another tenant's, for a tenant's officer: 403). */
    public Response tenant(String id) {
        scope.requireTenant(id);
        TenantRef tenant = tenants.get(id);
        return attachment(reports.forTenant(tenant.id(), tenant.name(), tenant.homeRegionCode()), "data-location-" + tenant.id());
    }

    /** One webinar's report (another tenant's webinar: 404, as if it did not exist). */
    public Response webinar(UUID id) {
        WebinarDirectory.Entry entry = webinars.get(id);
        if (!scope.mayAccess(entry.tenantId())) {
            throw new NotFoundException("There is no webinar " + id + ".");
        }
        TenantRef tenant = tenants.get(entry.tenantId());
        DataLocationReport places = reports.forWebinar(tenant.id(), tenant.name(), tenant.homeRegionCode(), id, entry.webinar().title());
        return attachment(new WebinarDataLocation(id, entry.webinar().title(), entry.registrations(), entry.webinar().sessions(), places),
                "data-location-webinar-" + id);
    }

    private static Response attachment(Object report, String name) {
        return Response.ok(report).type("application/json").header("Content-Disposition", "attachment; filename=\"" + name + ".json\"").build();
    }
}
