package eu.plenum.console.web;

import eu.plenum.shared.Audited;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TenantDirectory;
import eu.plenum.identity.TenantRef;
import eu.plenum.residency.DataLocationReport;
import eu.plenum.residency.DataLocationReports;
import eu.plenum.scheduling.WebinarDirectory;
import eu.plenum.shared.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * The data-location report of one webinar, readable: where its registrations, mails, recordings
 * and webhook events are, which media nodes and sites processed its live sessions, its transfers.
 */
@Path("/console/webinars/{id}/data-location")
@RolesAllowed({PlenumRoles.ADMIN, PlenumRoles.COMPLIANCE, PlenumRoles.PLATFORM_COMPLIANCE})
public class WebinarDataLocationPage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance webinarDataLocation(WebinarDirectory.Entry entry, DataLocationReport report);
    }

    private final TenantDirectory tenants;
    private final WebinarDirectory webinars;
    private final DataLocationReports reports;
    private final Pages pages;

    private final eu.plenum.compliance.OfficerScope scope;
    private final eu.plenum.compliance.DataLocationDownloads downloads;

    WebinarDataLocationPage(TenantDirectory tenants, WebinarDirectory webinars, DataLocationReports reports, Pages pages,
            eu.plenum.compliance.OfficerScope scope, eu.plenum.compliance.DataLocationDownloads downloads) {
        this.scope = scope;
        this.downloads = downloads;
        this.tenants = tenants;
        this.webinars = webinars;
        this.reports = reports;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Audited(value = "personal-data.read", what = "webinar-data-location-report")
    public String report(@PathParam("id") UUID id) {
        WebinarDirectory.Entry entry = webinars.get(id);
        if (!scope.mayAccess(entry.tenantId())) {
            throw new eu.plenum.shared.NotFoundException("There is no webinar " + id + ".");
        }
        TenantRef tenant = tenants.get(entry.tenantId());
        return pages.render(Templates.webinarDataLocation(entry,
                reports.forWebinar(tenant.id(), tenant.name(), tenant.homeRegionCode(), id, entry.webinar().title())));
    }

    /** The report as JSON, for the signed-in browser (the API behind it takes bearer tokens only). */
    @GET
    @Path("download")
    @Produces(MediaType.APPLICATION_JSON)
    @Audited(value = "personal-data.read", what = "webinar-data-location-report")
    public jakarta.ws.rs.core.Response download(@PathParam("id") UUID id) {
        return downloads.webinar(id);
    }
}
