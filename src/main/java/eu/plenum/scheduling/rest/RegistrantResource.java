package eu.plenum.scheduling.rest;

import eu.plenum.shared.Audited;
import eu.plenum.shared.FreeText;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.scheduling.Downloads;
import eu.plenum.scheduling.RegistrantDesk;
import eu.plenum.scheduling.RegistrantView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The registrants of one of the host's webinars. */
@Path("/api/webinars/{id}/registrants")
@RolesAllowed(PlenumRoles.HOST)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Registrants")
@SecurityRequirement(name = "SecurityScheme")
public class RegistrantResource {

    /** Registrations a bulk decision applies to. */
    public record Selection(@NotNull @NotEmpty @Size(max = 1000) List<@NotNull UUID> registrationIds) {
    }

    private final RegistrantDesk desk;

    RegistrantResource(RegistrantDesk desk) {
        this.desk = desk;
    }

    @GET
    @Operation(summary = "Registrants, oldest first; q searches name and e-mail")
    public List<RegistrantView> list(@PathParam("id") UUID id, @QueryParam("q") @Size(max = 100) @FreeText String query) {
        return desk.list(id, query);
    }

    @GET
    @Path("registrants.csv")
    @Produces("text/csv")
    @Operation(summary = "Registrants as CSV (formula-safe for spreadsheets)")
    @Audited(value = "personal-data.read", what = "registrants-csv")
    public Response csv(@PathParam("id") UUID id) {
        return Downloads.registrants(desk, id);
    }

    @POST
    @Path("approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve registrations while seats last; each gets a join link by mail")
    public List<RegistrantDesk.Decision> approve(@PathParam("id") UUID id, @Valid @NotNull Selection selection) {
        return desk.approve(id, selection.registrationIds());
    }

    @POST
    @Path("deny")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deny registrations; each registrant is told by mail")
    public List<RegistrantDesk.Decision> deny(@PathParam("id") UUID id, @Valid @NotNull Selection selection) {
        return desk.deny(id, selection.registrationIds());
    }

    @POST
    @Path("{registrationId}/revoke-join-link")
    @Operation(summary = "Stop a registrant's join link from working")
    public Response revoke(@PathParam("id") UUID id, @PathParam("registrationId") UUID registrationId) {
        desk.revokeJoinLink(id, registrationId);
        return Response.noContent().build();
    }
}
