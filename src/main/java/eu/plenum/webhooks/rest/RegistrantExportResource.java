package eu.plenum.webhooks.rest;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.webhooks.RegistrantExport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Export of a webinar's registrant list to one of the host's endpoints (its own class: a longer literal path wins in JAX-RS). */
@Path("/api/webinars/{webinarId}/registrants/export")
@RolesAllowed(PlenumRoles.HOST)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Registrants")
@SecurityRequirement(name = "SecurityScheme")
public class RegistrantExportResource {

    private final RegistrantExport export;

    RegistrantExportResource(RegistrantExport export) {
        this.export = export;
    }

    /** Which of the organisation's endpoints receives the list. */
    public record ExportRequest(@NotNull UUID endpointId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send the registrant list (formula-safe CSV, signed) to one of your endpoints; "
            + "451 when the residency policy forbids its region, 502 when the receiver does not take it")
    public RegistrantExport.Exported export(@PathParam("webinarId") UUID webinarId, @Valid @NotNull ExportRequest request) {
        return export.export(webinarId, request.endpointId());
    }
}
