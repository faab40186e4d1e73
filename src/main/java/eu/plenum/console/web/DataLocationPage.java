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

/** The data-location report of one tenant, with links to its webinars' reports; for admins and compliance officers. */
@Path("/console/tenants/{id}/data-location")
@RolesAllowed({PlenumRoles.ADMIN, PlenumRoles.COMPLIANCE, PlenumRoles.PLATFORM_COMPLIANCE})
public class DataLocationPage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance dataLocation(DataLocationReport report, java.util.List<WebinarDirectory.Entry> webinars);
    }

    private final TenantDirectory tenants;
    private final DataLocationReports reports;
    private final WebinarDirectory webinars;
    private final Pages pages;

    private final eu.plenum.compliance.OfficerScope scope;
    private final eu.plenum.compliance.DataLocationDownloads downloads;

    DataLocationPage(TenantDirectory tenants, DataLocationReports reports, WebinarDirectory webinars, Pages pages,
            eu.plenum.compliance.OfficerScope scope, eu.plenum.compliance.DataLocationDownloads downloads) {
        this.scope = scope;
        this.downloads = downloads;
        this.tenants = tenants;
        this.reports = reports;
        this.webinars = webinars;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Audited(value = "personal-data.read", tenantParam = "id", what = "data-location-report")
    public String report(@PathParam("id") String id) {
        scope.requireTenant(id);
        TenantRef tenant = tenants.get(id);
        return pages.render(Templates.dataLocation(reports.forTenant(tenant.id(), tenant.name(), tenant.homeRegionCode()),
                webinars.ofTenant(tenant.id(), 200)));
    }

    /** The report as JSON, for the signed-in browser (the API behind it takes bearer tokens only). */
    @GET
    @Path("download")
    @Produces(MediaType.APPLICATION_JSON)
    @Audited(value = "personal-data.read", tenantParam = "id", what = "data-location-report")
    public jakarta.ws.rs.core.Response download(@PathParam("id") String id) {
        return downloads.tenant(id);
    }
}
