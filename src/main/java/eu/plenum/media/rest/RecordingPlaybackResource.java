package eu.plenum.media.rest;

import eu.plenum.media.MediaException;
import eu.plenum.media.ViewerAdmissions;
import eu.plenum.media.ViewerPasses;
import eu.plenum.media.rooms.Recording;
import eu.plenum.media.rooms.RecordingLocation;
import eu.plenum.media.rooms.RoomStore;
import eu.plenum.media.storage.RecordingStores;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Attendees play a published recording: the file with HTTP Range (players seek with it), authorised
 * by a viewer pass in the query (see {@link eu.plenum.media.PublishedRecordings}). A recording that is
 * not published, or belongs to another room than the pass, is 404; a revoked holder 403.
 */
@Path("/api/rooms/{roomId}/recordings/{recordingId}/playback")
@PermitAll
@Tag(name = "Recordings")
public class RecordingPlaybackResource {

    private final ViewerPasses passes;
    private final RoomStore store;
    private final Instance<ViewerAdmissions> admissions;
    private final RecordingStores stores;

    RecordingPlaybackResource(ViewerPasses passes, RoomStore store, Instance<ViewerAdmissions> admissions, RecordingStores stores) {
        this.stores = stores;
        this.passes = passes;
        this.store = store;
        this.admissions = admissions;
    }

    @GET
    @Produces({"video/webm", "video/x-matroska"})
    @Operation(summary = "Play a published recording (whole, or one byte range: 206)")
    public Response play(@PathParam("roomId") UUID roomId, @PathParam("recordingId") UUID recordingId,
            @QueryParam("pass") String pass, @HeaderParam("Range") String range) {
        ViewerPasses.Pass valid = passes.verify(pass, roomId).orElseThrow(() -> new MediaException(401, "pass-invalid",
                "This playback link has expired; reload the page for a new one."));
        if (admissions.isResolvable() && QuarkusTransaction.requiringNew()
                .call(() -> admissions.get().revoked(Set.of(valid.holder()))).contains(valid.holder())) {
            throw new MediaException(403, "no-longer-admitted", "You may no longer watch this webinar.");
        }
        Recording recording = QuarkusTransaction.requiringNew().call(() -> store.published(
                store.read(roomId, room -> room.sessionId())).stream().filter(found -> found.id().equals(recordingId)
                        && found.roomId().equals(roomId)).findFirst())
                .orElseThrow(() -> new MediaException(404, "recording-not-published", "There is no published recording here."));
        RecordingLocation location = QuarkusTransaction.requiringNew().call(() -> store.location(recording));
        Response file = RangeResponses.of(RangeResponses.find(stores, location),
                "webm".equals(recording.container()) ? "video/webm" : "video/x-matroska", range, null);
        return Response.fromResponse(file).header("Cache-Control", "private, max-age=3600").build();
    }
}
