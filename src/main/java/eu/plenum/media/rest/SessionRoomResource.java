package eu.plenum.media.rest;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.media.rooms.RoomDesk;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The live room of a webinar session (its own resource class: JAX-RS matches classes by path first). */
@Path("/api/webinars/{webinarId}/sessions/{sessionId}/room")
@RolesAllowed(PlenumRoles.HOST)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Live rooms")
@SecurityRequirement(name = "SecurityScheme")
public class SessionRoomResource {

    private final RoomDesk desk;

    SessionRoomResource(RoomDesk desk) {
        this.desk = desk;
    }

    @GET
    @Operation(summary = "The session's live room, if it was opened (404 otherwise); changes nothing")
    public eu.plenum.media.rooms.RoomView room(@PathParam("webinarId") UUID webinarId, @PathParam("sessionId") UUID sessionId) {
        return desk.find(webinarId, sessionId).orElseThrow(() -> new eu.plenum.shared.NotFoundException(
                "Session " + sessionId + " has no live room yet; POST here opens it."));
    }

    @POST
    @Operation(summary = "The session's live room; made on first call (201, with its stream key, shown only then)")
    public Response open(@PathParam("webinarId") UUID webinarId, @PathParam("sessionId") UUID sessionId) {
        RoomDesk.RoomWithKey opened = desk.open(webinarId, sessionId);
        return Response.status(opened.streamKey() == null ? 200 : 201).entity(opened).build();
    }
}
