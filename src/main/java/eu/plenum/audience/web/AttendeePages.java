package eu.plenum.audience.web;

import eu.plenum.audience.AttendeeLobby;
import eu.plenum.audience.AttendeeSessions;
import eu.plenum.audience.AudienceConfig;
import eu.plenum.audience.PlaybackStops;
import eu.plenum.media.LiveHls;
import eu.plenum.media.RoomStates;
import eu.plenum.media.ViewerPasses;
import eu.plenum.shared.AccessRefusedException;
import eu.plenum.shared.ConflictException;
import eu.plenum.shared.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The attendee's pages: the lobby behind the personal join link (a GET shows it and changes
 * nothing), "Enter" (a same-origin POST that starts the device's attendee session), the attendee page
 * that waits for the host and turns into the player, its server-sent events and the viewer pass the
 * player asks for. The join token appears only in the lobby's own address, never in media URLs.
 */
@Path("/")
@PermitAll
public class AttendeePages {

    /** One cookie per webinar, so that one browser can attend two webinars; HttpOnly, SameSite=Strict. */
    static final String COOKIE_PREFIX = "plenum_attendee_";
    /** The open-viewer session of an open webinar: a signed random id, nothing stored (see OpenViewers). */
    static final String VIEWER_COOKIE_PREFIX = "plenum_viewer_";
    /** hls.js from its webjar (org.webjars.npm:hls.js, see pom.xml), loaded by the page only when it falls back to HLS. */
    static final String HLS_SCRIPT = "/webjars/hls.js/1.4.12/dist/hls.light.min.js";

    @CheckedTemplate(basePath = "audience")
    static class Templates {
        static native TemplateInstance attend(AttendeeLobby.Lobby lobby, ZoneId zone, String token, boolean entered, String hlsScript,
                String enterAction);
    }

    /**
     * What the page's event stream says: the stage, whether it is recorded now, whether this device may
     * still watch, and the version of what WebRTC viewers are shown (a playing page reconnects when it grows).
     */
    public record StageSignal(String stage, boolean recording, boolean admitted, String reason, int media) {

        static StageSignal of(Optional<RoomStates.AudienceRoom> room) {
            return room.map(StageSignal::of).orElse(new StageSignal(RoomStates.Stage.WAITING.name(), false, true, null, 0));
        }

        static StageSignal of(RoomStates.AudienceRoom room) {
            return new StageSignal(room.stage().name(), room.recording(), true, null, room.media());
        }

        static StageSignal ended(String reason) {
            return new StageSignal(null, false, false, reason, 0);
        }
    }

    /**
     * The player's way in: WHEP endpoint and bearer pass (valid for a minute), a signed HLS URL when the room has HLS,
     * and the TURN relays with fresh credentials for the player's RTCPeerConnection (empty without a relay).
     */
    public record PlaybackGrant(String roomId, String whepUrl, String pass, String hlsUrl, java.util.List<eu.plenum.media.IceServer> iceServers) {
    }

    private final AttendeeSessions sessions;
    private final AttendeeLobby lobbies;
    private final AudienceConfig config;
    private final RoomStates rooms;
    private final ViewerPasses passes;
    private final LiveHls hls;
    private final PlaybackStops stops;
    private final Pages pages;
    private final eu.plenum.audience.OpenViewers viewers;
    private final eu.plenum.audience.AttendancePresence attendance;
    private final eu.plenum.media.TurnCredentials turn;
    private final eu.plenum.media.HlsViewers hlsViewers;

    AttendeePages(eu.plenum.media.HlsViewers hlsViewers, eu.plenum.audience.OpenViewers viewers, AttendeeSessions sessions, AttendeeLobby lobbies, AudienceConfig config, RoomStates rooms,
            ViewerPasses passes, LiveHls hls, PlaybackStops stops, Pages pages, eu.plenum.audience.AttendancePresence attendance,
            eu.plenum.media.TurnCredentials turn) {
        this.hlsViewers = hlsViewers;
        this.turn = turn;
        this.attendance = attendance;
        this.viewers = viewers;
        this.sessions = sessions;
        this.lobbies = lobbies;
        this.config = config;
        this.rooms = rooms;
        this.passes = passes;
        this.hls = hls;
        this.stops = stops;
        this.pages = pages;
    }

    /** The lobby. Mail scanners and link previews open this: it starts nothing and takes no device slot. */
    @GET
    @Path("join/{token}")
    @Produces(MediaType.TEXT_HTML)
    public String lobby(@PathParam("token") String token, @Context HttpServerRequest request) {
        AttendeeLobby.Lobby lobby = lobbies.ofJoinLink(token);
        return pages.render(Templates.attend(lobby, zone(lobby), token, false, HLS_SCRIPT, "/join/" + token + "/enter"));
    }

    /** "Enter": starts (or keeps) this device's attendee session and goes to the attendee page. */
    @POST
    @Path("join/{token}/enter")
    public Response enter(@PathParam("token") String token, @Context HttpServerRequest request) {
        AttendeeLobby.Lobby lobby = lobbies.ofJoinLink(token);
        UUID webinarId = lobby.webinar().id();
        AttendeeSessions.Entered entered = sessions.enter(token, cookie(request, webinarId));
        NewCookie cookie = new NewCookie.Builder(COOKIE_PREFIX + webinarId).value(entered.token()).path("/")
                .httpOnly(true).secure(config.secureCookie()).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/attend/" + webinarId)).cookie(cookie).build();
    }

    /** The public watch link of an open webinar: the lobby, with nobody named and nothing asked. */
    @GET
    @Path("watch/{webinarId}")
    @Produces(MediaType.TEXT_HTML)
    public String watch(@PathParam("webinarId") UUID webinarId, @Context HttpServerRequest request) {
        AttendeeLobby.Lobby lobby = lobbies.ofOpenWebinar(webinarId);
        return pages.render(Templates.attend(lobby, zone(lobby), null, false, HLS_SCRIPT, "/watch/" + webinarId + "/enter"));
    }

    /** "Enter" on an open webinar: a random open-viewer id in a signed cookie; for a recorded webinar, the notice record. */
    @POST
    @Path("watch/{webinarId}/enter")
    public Response enterOpen(@PathParam("webinarId") UUID webinarId, @Context HttpServerRequest request) {
        AttendeeSessions.Entered entered = viewers.enter(webinarId,
                Optional.ofNullable(request.getCookie(VIEWER_COOKIE_PREFIX + webinarId)).map(Cookie::getValue));
        NewCookie cookie = new NewCookie.Builder(VIEWER_COOKIE_PREFIX + webinarId).value(entered.token()).path("/")
                .httpOnly(true).secure(config.secureCookie()).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/attend/" + webinarId)).cookie(cookie).build();
    }

    /** The attendee page: lobby until the host opens the doors, then the player. */
    @GET
    @Path("attend/{webinarId}")
    @Produces(MediaType.TEXT_HTML)
    public String attend(@PathParam("webinarId") UUID webinarId, @Context HttpServerRequest request) {
        AttendeeLobby.Lobby lobby = lobbies.of(require(webinarId, request));
        return pages.render(Templates.attend(lobby, zone(lobby), null, true, HLS_SCRIPT, null));
    }

    /**
     * The stage of the watched session, now and on every change, and the end of this device's access
     * (revoked, pushed out by another device). Every 10 s the full state again: it heals a change missed
     * between the first read and the subscription, and notices a revocation made on another node.
     */
    @GET
    @Path("attend/{webinarId}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    public Multi<StageSignal> events(@PathParam("webinarId") UUID webinarId, @Context HttpServerRequest request) {
        AttendeeSessions.Admitted admitted = require(webinarId, request);
        AttendeeLobby.Lobby lobby = lobbies.of(admitted);
        if (lobby.session() == null) {
            return Multi.createFrom().item(new StageSignal(RoomStates.Stage.ENDED.name(), false, true, null, 0));
        }
        UUID sessionId = lobby.session().id();
        Multi<StageSignal> changes = rooms.changes(sessionId).map(StageSignal::of);
        Multi<StageSignal> ended = stops.of(admitted.sessionId()).map(stop -> StageSignal.ended(stop.reason()));
        Multi<StageSignal> refresh = Multi.createFrom().ticks().every(Duration.ofSeconds(10))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> sessions.stillAdmitted(admitted) ? StageSignal.of(rooms.ofSession(sessionId)) : StageSignal.ended("REVOKED"));
        Multi<StageSignal> first = Multi.createFrom().item(StageSignal.of(Optional.ofNullable(lobby.room())));
        Multi<StageSignal> stream = Multi.createBy().merging().streams(first, changes, ended, refresh);
        if (admitted.openViewer()) {
            return stream; // an open viewer is nobody: no presence is kept (see OpenViewers)
        }
        // The open stream is the attendee's presence on the page: recorded now, closed when the stream ends.
        UUID presence = attendance.connected(lobby.tenantId(), admitted.webinarId(), sessionId, admitted.registrationId(),
                admitted.sessionId());
        return stream.onTermination().invoke(() -> attendance.disconnected(presence));
    }

    /** A viewer pass for the live room (409 while it is not open to the audience). */
    @POST
    @Path("attend/{webinarId}/pass")
    @Produces(MediaType.APPLICATION_JSON)
    public PlaybackGrant pass(@PathParam("webinarId") UUID webinarId, @Context HttpServerRequest request,
            @jakarta.ws.rs.QueryParam("hls") UUID hlsPage) {
        AttendeeSessions.Admitted admitted = require(webinarId, request);
        AttendeeLobby.Lobby lobby = lobbies.of(admitted);
        RoomStates.AudienceRoom room = lobby.room();
        if (room == null || room.stage() != RoomStates.Stage.LIVE) {
            throw new ConflictException("room-not-live", "The webinar is not live yet; the page starts playing when it is.");
        }
        String pass = passes.mint(room.roomId(), admitted.sessionId(), config.passLifetime());
        // Open viewers get URLs an edge may serve (scope live-open); everyone else's are origin-only.
        String hlsUrl = (admitted.openViewer() ? hls.openPlaylist(room.roomId()) : hls.playlist(room.roomId())).orElse(null);
        if (hlsPage != null && hlsUrl != null) {
            // A page playing HLS renews here with its own random id: how the studio counts HLS viewers.
            hlsViewers.renewed(room.roomId(), hlsPage);
        }
        return new PlaybackGrant(room.roomId().toString(), "/api/rooms/" + room.roomId() + "/whep", pass,
                hlsUrl, turn.mint().stream().toList());
    }

    /** The page stopped playing HLS (closed, or moved to WebRTC): it is no HLS viewer any more. */
    @jakarta.ws.rs.DELETE
    @Path("attend/{webinarId}/hls")
    public Response hlsStopped(@PathParam("webinarId") UUID webinarId, @jakarta.ws.rs.QueryParam("page") UUID pageId,
            @Context HttpServerRequest request) {
        // Admission first: a caller without this webinar's session learns nothing, whatever the query.
        AttendeeSessions.Admitted admitted = require(webinarId, request);
        if (pageId == null) {
            throw eu.plenum.shared.InvalidInputException.of("page", "the page's id (a UUID)");
        }
        RoomStates.AudienceRoom room = lobbies.of(admitted).room();
        if (room != null) {
            hlsViewers.stopped(room.roomId(), pageId);
        }
        return Response.noContent().build();
    }

    /** Leaves on this device: its slot is free, its playback ends. */
    @POST
    @Path("attend/{webinarId}/leave")
    public Response leave(@PathParam("webinarId") UUID webinarId, @Context HttpServerRequest request) {
        sessions.admitted(webinarId, cookie(request, webinarId).orElse(null)).ifPresent(sessions::leave);
        NewCookie gone = new NewCookie.Builder(COOKIE_PREFIX + webinarId).value("").path("/").maxAge(0)
                .httpOnly(true).secure(config.secureCookie()).sameSite(NewCookie.SameSite.STRICT).build();
        NewCookie viewerGone = new NewCookie.Builder(VIEWER_COOKIE_PREFIX + webinarId).value("").path("/").maxAge(0)
                .httpOnly(true).secure(config.secureCookie()).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.noContent().cookie(gone, viewerGone).build();
    }

    private AttendeeSessions.Admitted require(UUID webinarId, HttpServerRequest request) {
        return sessions.admitted(webinarId, cookie(request, webinarId).orElse(null))
                .or(() -> Optional.ofNullable(request.getCookie(VIEWER_COOKIE_PREFIX + webinarId))
                        .flatMap(viewer -> viewers.admitted(webinarId, viewer.getValue())))
                .orElseThrow(() -> new AccessRefusedException("not-admitted",
                        "This device has no running attendee session for this webinar: open your personal join link and press Enter."));
    }

    private static Optional<String> cookie(HttpServerRequest request, UUID webinarId) {
        return Optional.ofNullable(request.getCookie(COOKIE_PREFIX + webinarId)).map(Cookie::getValue);
    }

    private ZoneId zone(AttendeeLobby.Lobby lobby) {
        return pages.zoneOr(ZoneId.of(lobby.webinar().timeZone()));
    }
}
