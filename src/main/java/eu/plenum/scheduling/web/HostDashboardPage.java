package eu.plenum.scheduling.web;

import eu.plenum.identity.CurrentHost;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TenantRef;
import eu.plenum.shared.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The host's home: their tenant, upcoming webinars and recent recordings. */
@Path("/host")
@RolesAllowed(PlenumRoles.HOST)
public class HostDashboardPage {

    @CheckedTemplate(basePath = "scheduling")
    static class Templates {
        static native TemplateInstance dashboard(TenantRef tenant);
    }

    private final CurrentHost host;
    private final Pages pages;

    HostDashboardPage(CurrentHost host, Pages pages) {
        this.host = host;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String dashboard() {
        return pages.render(Templates.dashboard(host.tenant()));
    }
}
