package eu.plenum.scheduling.rest;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.scheduling.AccessMode;
import eu.plenum.scheduling.WebinarAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who may watch a webinar (its own resource class: JAX-RS matches classes by path first). */
@Path("/api/webinars/{id}/access-mode")
@RolesAllowed(PlenumRoles.HOST)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webinars")
@SecurityRequirement(name = "SecurityScheme")
public class WebinarAccessResource {

    public record Access(@NotNull AccessMode accessMode, String watchPath) {
    }

    private final WebinarAccess access;

    WebinarAccessResource(WebinarAccess access) {
        this.access = access;
    }

    @GET
    @Operation(summary = "Who may watch: REGISTRATION (personal join links) or OPEN (anyone with the watch link)")
    public Access get(@PathParam("id") UUID id) {
        return view(id, access.of(id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make the webinar open to anyone with its watch link (no registration, no personal data), or registration only")
    public Access set(@PathParam("id") UUID id, @Valid @NotNull Access change) {
        return view(id, access.set(id, change.accessMode()));
    }

    private static Access view(UUID id, AccessMode mode) {
        return new Access(mode, mode == AccessMode.OPEN ? "/watch/" + id : null);
    }
}
