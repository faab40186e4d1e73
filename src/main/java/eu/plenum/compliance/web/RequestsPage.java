package eu.plenum.compliance.web;

import eu.plenum.compliance.ExportDownloads;
import eu.plenum.compliance.OfficerScope;
import eu.plenum.compliance.SubjectRequestKind;
import eu.plenum.compliance.SubjectRequestView;
import eu.plenum.compliance.SubjectRequests;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TenantDirectory;
import eu.plenum.identity.TenantRef;
import eu.plenum.shared.InvalidInputException;
import eu.plenum.shared.PlenumException.FieldError;
import eu.plenum.shared.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The compliance officer's queue in the console: requests of the officer's tenants with deadline and
 * the export's progress as a bar (the page asks the browser to reload itself while an export runs),
 * a form to open a request, and the download of finished exports.
 */
@Path("/console/compliance/requests")
@RolesAllowed({PlenumRoles.COMPLIANCE, PlenumRoles.PLATFORM_COMPLIANCE, PlenumRoles.ADMIN})
public class RequestsPage {

    @CheckedTemplate(basePath = "compliance")
    static class Templates {
        static native TemplateInstance requests(List<SubjectRequestView> requests, List<TenantRef> tenants);
    }

    private final SubjectRequests requests;
    private final ExportDownloads downloads;
    private final OfficerScope scope;
    private final TenantDirectory tenants;
    private final Pages pages;

    RequestsPage(SubjectRequests requests, ExportDownloads downloads, OfficerScope scope, TenantDirectory tenants, Pages pages) {
        this.requests = requests;
        this.downloads = downloads;
        this.scope = scope;
        this.tenants = tenants;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response queue() {
        List<SubjectRequestView> queue = requests.queue(Optional.empty(), 200);
        List<TenantRef> visible = tenants.all().stream().filter(tenant -> scope.mayAccess(tenant.id())).toList();
        Response.ResponseBuilder page = Response.ok(pages.render(Templates.requests(queue, visible)), MediaType.TEXT_HTML_TYPE);
        if (queue.stream().anyMatch(SubjectRequestView::running)) {
            page.header("Refresh", "3");
        }
        return page.build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(MultivaluedMap<String, String> posted) {
        String tenantId = posted.getFirst("tenantId");
        String email = posted.getFirst("email");
        String kind = posted.getFirst("kind");
        SubjectRequestKind parsed = SubjectRequestKind.parse(kind).orElseThrow(() -> new InvalidInputException(
                "The kind is ACCESS or ERASURE.", List.of(new FieldError("kind", "ACCESS or ERASURE"))));
        requests.open(tenantId == null ? "" : tenantId.strip(), email, parsed);
        return back();
    }

    @POST
    @Path("{id}/export")
    public Response export(@PathParam("id") UUID id) {
        requests.runExport(id);
        return back();
    }

    @GET
    @Path("{id}/download")
    @Produces("application/zip")
    public Response download(@PathParam("id") UUID id) {
        return Response.ok(downloads.download(id).toFile())
                .header("Content-Disposition", "attachment; filename=\"personal-data-" + id + ".zip\"")
                .header("Cache-Control", "no-store").build();
    }

    private static Response back() {
        return Response.seeOther(URI.create("/console/compliance/requests")).build();
    }
}
