package eu.plenum.media.rest;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.media.rooms.RecordingView;
import eu.plenum.media.rooms.RoomDesk;
import eu.plenum.media.storage.RecordingStores;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Recordings of the host's organisation: catalogue entry, playback with HTTP Range, download, publication to attendees. */
@Path("/api/recordings/{recordingId}")
@RolesAllowed(PlenumRoles.HOST)
@Tag(name = "Recordings")
@SecurityRequirement(name = "SecurityScheme")
public class RecordingResource {

    private final RoomDesk desk;
    private final RecordingStores stores;

    RecordingResource(RoomDesk desk, RecordingStores stores) {
        this.desk = desk;
        this.stores = stores;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Catalogue entry: status, tracks, size, duration, SHA-256")
    public RecordingView recording(@PathParam("recordingId") UUID recordingId) {
        return desk.recording(recordingId);
    }

    @jakarta.ws.rs.PUT
    @Path("/publication")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish the finished recording to the webinar's attendees (their pages list and play it)")
    public RecordingView publish(@PathParam("recordingId") UUID recordingId) {
        return desk.publish(recordingId, true);
    }

    @jakarta.ws.rs.DELETE
    @Path("/publication")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take the recording back from the attendees")
    public RecordingView unpublish(@PathParam("recordingId") UUID recordingId) {
        return desk.publish(recordingId, false);
    }

    @GET
    @Path("/media")
    @Produces({"video/webm", "video/x-matroska"})
    @Operation(summary = "The file, whole or a byte range (206); ?download=true asks the browser to save it")
    public Response media(@PathParam("recordingId") UUID recordingId, @HeaderParam("Range") String range,
            @QueryParam("download") boolean download) {
        return RangeResponses.ofRecording(desk, stores, recordingId, range, download);
    }
}
