package eu.plenum.media.web;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.media.rooms.LiveRooms;
import eu.plenum.media.rooms.RoomDesk;
import eu.plenum.media.rooms.RoomSignals;
import eu.plenum.media.rooms.RoomView;
import eu.plenum.media.whip.SdpOffer;
import eu.plenum.shared.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The host's studio: pick camera and microphone, optionally share the screen, go live, watch the
 * own preview and the live/recording state, stop. The page publishes over WHIP to the same use
 * cases as the API, authenticated by the host's session (same-origin only).
 */
@Path("/host/studio")
@RolesAllowed(PlenumRoles.HOST)
public class StudioPage {

    @CheckedTemplate(basePath = "media")
    static class Templates {
        static native TemplateInstance studio(RoomView room, String streamKey, String iceServers);

        static native TemplateInstance studioPrepare(UUID webinarId, UUID sessionId);
    }

    private final RoomDesk desk;
    private final LiveRooms rooms;
    private final RoomSignals signals;
    private final Pages pages;
    private final eu.plenum.media.rooms.AudienceDoors doors;
    private final StudioRelay relay;
    private final eu.plenum.media.TurnCredentials turn;
    private final eu.plenum.media.storage.RecordingStores stores;
    private final StudioAudience audience;

    StudioPage(RoomDesk desk, LiveRooms rooms, RoomSignals signals, Pages pages, eu.plenum.media.rooms.AudienceDoors doors,
            StudioRelay relay, eu.plenum.media.TurnCredentials turn, eu.plenum.media.storage.RecordingStores stores,
            StudioAudience audience) {
        this.audience = audience;
        this.stores = stores;
        this.turn = turn;
        this.relay = relay;
        this.desk = desk;
        this.rooms = rooms;
        this.signals = signals;
        this.pages = pages;
        this.doors = doors;
    }

    @GET
    @Path("/webinars/{webinarId}/sessions/{sessionId}")
    @Produces(MediaType.TEXT_HTML)
    public String studio(@PathParam("webinarId") UUID webinarId, @PathParam("sessionId") UUID sessionId) {
        // A GET changes nothing (link prefetchers, history): the room and its key are made by the POST below.
        return desk.find(webinarId, sessionId).map(room -> pages.render(Templates.studio(room, null, iceServers())))
                .orElseGet(() -> pages.render(Templates.studioPrepare(webinarId, sessionId)));
    }

    @POST
    @Path("/webinars/{webinarId}/sessions/{sessionId}")
    @Produces(MediaType.TEXT_HTML)
    public String openStudio(@PathParam("webinarId") UUID webinarId, @PathParam("sessionId") UUID sessionId) {
        RoomDesk.RoomWithKey opened = desk.open(webinarId, sessionId);
        return pages.render(Templates.studio(opened.room(), opened.streamKey(), iceServers()));
    }

    @POST
    @Path("/rooms/{roomId}/stream-key")
    @Produces(MediaType.TEXT_HTML)
    public String rotate(@PathParam("roomId") UUID roomId) {
        String key = desk.rotateStreamKey(roomId);
        return pages.render(Templates.studio(desk.view(roomId), key, iceServers()));
    }

    @POST
    @Path("/rooms/{roomId}/whip")
    @Consumes("application/sdp")
    @Produces("application/sdp")
    public Response publish(@PathParam("roomId") UUID roomId, String offer) {
        desk.requireOwn(roomId);
        java.util.Optional<Response> relayed = relay.publish(roomId, offer);
        if (relayed.isPresent()) {
            return relayed.get();
        }
        LiveRooms.Published published = rooms.publish(roomId, SdpOffer.parseOrRefuse(offer), offer);
        return Response.created(URI.create("/host/studio/rooms/" + roomId + "/whip/" + published.publisherId()))
                .type("application/sdp").entity(published.answerSdp()).build();
    }

    @DELETE
    @Path("/rooms/{roomId}/whip/{publisherId}")
    public Response unpublish(@PathParam("roomId") UUID roomId, @PathParam("publisherId") UUID publisherId) {
        desk.requireOwn(roomId);
        java.util.Optional<Response> relayed = relay.unpublish(roomId, publisherId);
        if (relayed.isPresent()) {
            return relayed.get();
        }
        rooms.unpublish(roomId, publisherId);
        return Response.noContent().build();
    }

    @POST
    @Path("/rooms/{roomId}/end")
    @Produces(MediaType.APPLICATION_JSON)
    public RoomView end(@PathParam("roomId") UUID roomId) {
        desk.requireOwn(roomId);
        rooms.end(roomId);
        return desk.view(roomId);
    }

    @POST
    @Path("/rooms/{roomId}/recording")
    @Produces(MediaType.APPLICATION_JSON)
    public RoomView recording(@PathParam("roomId") UUID roomId, @QueryParam("on") boolean on) {
        desk.requireOwn(roomId);
        rooms.recording(roomId, on);
        return desk.view(roomId);
    }

    /**
     * Practice mode: {@code open=false} before going live keeps attendees in the lobby (backstage);
     * {@code open=true} opens the doors, one click, whether live already or not.
     */
    @POST
    @Path("/rooms/{roomId}/audience")
    @Produces(MediaType.APPLICATION_JSON)
    public RoomView audience(@PathParam("roomId") UUID roomId, @QueryParam("open") boolean open) {
        desk.requireOwn(roomId);
        doors.set(roomId, open);
        return desk.view(roomId);
    }

    @GET
    @Path("/recordings/{recordingId}")
    @Produces({"video/webm", "video/x-matroska"})
    public Response recording(@PathParam("recordingId") UUID recordingId, @jakarta.ws.rs.HeaderParam("Range") String range,
            @QueryParam("download") boolean download) {
        return eu.plenum.media.rest.RangeResponses.ofRecording(desk, stores, recordingId, range, download);
    }

    @GET
    @Path("/rooms/{roomId}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    public Multi<RoomSignals.RoomSignal> events(@PathParam("roomId") UUID roomId) {
        desk.requireOwn(roomId);
        return signals.of(roomId);
    }

    /** The audience now (WebRTC vs HLS, per app node), the session's peak, the publishers' videos and the pin; polled by the page. */
    @GET
    @Path("/rooms/{roomId}/audience")
    @Produces(MediaType.APPLICATION_JSON)
    public StudioAudience.View audience(@PathParam("roomId") UUID roomId) {
        desk.requireOwn(roomId);
        return audience.of(roomId);
    }

    /** Pins a publisher's video to the stage ({@code video} null: unpinned, the newest video is shown). */
    @jakarta.ws.rs.PUT
    @Path("/rooms/{roomId}/stage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public StudioAudience.View stage(@PathParam("roomId") UUID roomId, @jakarta.validation.constraints.NotNull StagePin pin) {
        desk.requireOwn(roomId);
        audience.pin(roomId, pin.video());
        return audience.of(roomId);
    }

    /** The publisher whose video is pinned, or null. */
    public record StagePin(UUID video) {
    }

    /** The TURN relays with credentials minted for this page, as the RTCPeerConnection's iceServers (JSON). */
    private String iceServers() {
        return eu.plenum.media.IceServer.json(turn.mint());
    }
}
