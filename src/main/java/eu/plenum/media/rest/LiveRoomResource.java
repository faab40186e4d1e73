package eu.plenum.media.rest;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.media.rooms.LiveRooms;
import eu.plenum.media.rooms.RoomDesk;
import eu.plenum.media.rooms.RoomSignals;
import eu.plenum.media.rooms.RoomView;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Live rooms of the host's organisation: watch, record, end. */
@Path("/api/rooms/{roomId}")
@RolesAllowed(PlenumRoles.HOST)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Live rooms")
@SecurityRequirement(name = "SecurityScheme")
public class LiveRoomResource {

    private final RoomDesk desk;
    private final LiveRooms rooms;
    private final RoomSignals signals;
    private final eu.plenum.media.rooms.RoomViewers viewers;
    private final String node;
    private final eu.plenum.media.rooms.AudienceDoors doors;
    private final eu.plenum.media.rooms.RoomStages stages;

    LiveRoomResource(RoomDesk desk, LiveRooms rooms, RoomSignals signals, eu.plenum.media.rooms.RoomViewers viewers,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "plenum.node-id", defaultValue = "local") String node,
            eu.plenum.media.rooms.AudienceDoors doors, eu.plenum.media.rooms.RoomStages stages) {
        this.stages = stages;
        this.viewers = viewers;
        this.node = node;
        this.doors = doors;
        this.desk = desk;
        this.rooms = rooms;
        this.signals = signals;
    }

    /** Practice mode: {@code false} keeps attendees in the lobby while the host is live backstage; {@code true} opens the doors. */
    public record AudienceSwitch(@NotNull Boolean open) {
    }

    @POST
    @Path("/audience")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Practice mode: keep attendees in the lobby (open false, before or while live) or open the doors (open true)")
    public RoomView audience(@PathParam("roomId") UUID roomId, @jakarta.validation.Valid @NotNull AudienceSwitch change) {
        desk.requireOwn(roomId);
        doors.set(roomId, change.open());
        return desk.view(roomId);
    }

    public record StreamKey(String streamKey) {
    }

    /** The publisher (the last segment of its WHIP resource URL) whose video viewers see; null: the newest video. */
    public record StagePin(UUID video) {
    }

    @jakarta.ws.rs.PUT
    @Path("/stage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pin one publisher's video to the stage that WebRTC viewers see (video null: the newest publisher's video)")
    public Response stage(@PathParam("roomId") UUID roomId, @NotNull StagePin pin) {
        desk.requireOwn(roomId);
        stages.pin(roomId, pin.video());
        return Response.noContent().build();
    }

    /** The room's audience as this node serves it: WebRTC viewers now and at most, and the node. */
    public record Audience(int webrtcViewers, int webrtcPeak, String node) {
    }

    public record RecordingSwitch(@NotNull Boolean recording) {
    }

    @GET
    @Operation(summary = "State, history and recordings of a live room")
    public RoomView room(@PathParam("roomId") UUID roomId) {
        return desk.view(roomId);
    }

    @GET
    @Path("/audience")
    @Operation(summary = "Viewers of the live room now and at its peak (WebRTC, on this node)")
    public Audience audience(@PathParam("roomId") UUID roomId) {
        desk.requireOwn(roomId);
        return new Audience(viewers.viewers(roomId), viewers.peak(roomId), node);
    }

    @POST
    @Path("/stream-key")
    @Operation(summary = "Replace the room's stream key (the old one stops working)")
    public StreamKey rotate(@PathParam("roomId") UUID roomId) {
        return new StreamKey(desk.rotateStreamKey(roomId));
    }

    @POST
    @Path("/recording")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start (new files) or stop (files finalised) recording while the room is live")
    public RoomView recording(@PathParam("roomId") UUID roomId, @jakarta.validation.Valid @NotNull RecordingSwitch change) {
        desk.requireOwn(roomId);
        rooms.recording(roomId, change.recording());
        return desk.view(roomId);
    }

    @POST
    @Path("/end")
    @Operation(summary = "End the live room: recordings are finalised, the media worker exits")
    public RoomView end(@PathParam("roomId") UUID roomId) {
        desk.requireOwn(roomId);
        rooms.end(roomId);
        return desk.view(roomId);
    }

    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @io.smallrye.common.annotation.Blocking
    @Operation(summary = "Server-sent events: the room's state whenever it changes")
    public Multi<RoomSignals.RoomSignal> events(@PathParam("roomId") UUID roomId) {
        desk.requireOwn(roomId);
        return signals.of(roomId);
    }
}
