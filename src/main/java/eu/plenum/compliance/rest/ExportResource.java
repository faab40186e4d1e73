package eu.plenum.compliance.rest;

import eu.plenum.compliance.ExportDownloads;
import eu.plenum.compliance.SubjectRequestView;
import eu.plenum.compliance.SubjectRequests;
import eu.plenum.identity.PlenumRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Art. 15 exports by the id of their request: progress, and the ZIP for an officer in scope. */
@Path("/api/compliance/exports")
@RolesAllowed({PlenumRoles.COMPLIANCE, PlenumRoles.PLATFORM_COMPLIANCE, PlenumRoles.ADMIN})
@Tag(name = "Compliance")
@SecurityRequirement(name = "SecurityScheme")
public class ExportResource {

    private final SubjectRequests requests;
    private final ExportDownloads downloads;

    ExportResource(SubjectRequests requests, ExportDownloads downloads) {
        this.requests = requests;
        this.downloads = downloads;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The export's state and progress (categories done of total)")
    public SubjectRequestView status(@PathParam("id") UUID id) {
        return requests.get(id);
    }

    @GET
    @Path("{id}/download")
    @Produces("application/zip")
    @Operation(summary = "The export ZIP: JSON and CSV per category, summary.html; audited as export.downloaded")
    public Response download(@PathParam("id") UUID id) {
        return Response.ok(downloads.download(id).toFile())
                .header("Content-Disposition", "attachment; filename=\"personal-data-" + id + ".zip\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
