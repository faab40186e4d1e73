package eu.plenum.console.web;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TenantDirectory;
import eu.plenum.identity.TenantRef;
import eu.plenum.residency.Jurisdiction;
import eu.plenum.residency.Region;
import eu.plenum.residency.RegionCatalogue;
import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import eu.plenum.shared.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The operator's start page: the platform at a glance (live rooms and viewers now, media workers per node and their
 * failures, replication, mail queue, transfer refusals, with charts over 24 hours and 30 days), the tenants (and a
 * form to create one) and where to look next.
 */
@Path("/console")
@RolesAllowed(PlenumRoles.ADMIN)
public class ConsoleHomePage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance home(List<TenantRef> tenants, List<String> roles, List<Region> regions,
                PlatformOverview.Figures overview, String chartScript);
    }

    private final TenantDirectory tenants;
    private final NodeConfig node;
    private final Pages pages;
    private final RegionCatalogue catalogue;
    private final PlatformOverview overview;

    ConsoleHomePage(TenantDirectory tenants, NodeConfig node, Pages pages, RegionCatalogue catalogue, PlatformOverview overview) {
        this.overview = overview;
        this.catalogue = catalogue;
        this.tenants = tenants;
        this.node = node;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String home() {
        List<String> roles = node.roles().stream().map(NodeRole::configName).sorted().toList();
        // Regions a tenant may call home: never a third country (an adequate one needs the legal basis field).
        List<Region> regions = catalogue.all().stream().filter(region -> region.jurisdiction() != Jurisdiction.THIRD_COUNTRY)
                .sorted(java.util.Comparator.comparing(Region::code)).toList();
        return pages.render(Templates.home(tenants.all(), roles, regions, overview.figures(), PlatformOverview.CHART_SCRIPT));
    }
}
