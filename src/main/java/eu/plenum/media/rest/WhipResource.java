package eu.plenum.media.rest;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.media.MediaException;
import eu.plenum.media.rooms.LiveRooms;
import eu.plenum.media.rooms.RoomDesk;
import eu.plenum.media.rooms.RoomStore;
import eu.plenum.media.whip.SdpOffer;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * WHIP (RFC 9725) ingest of a live room. The credential is a bearer: the room's stream key (for
 * OBS and other encoders) or a host's OIDC access token of the room's organisation. Sessions
 * are non-trickle: the answer carries every candidate, so PATCH is answered 405 as the RFC says.
 * Offer size and CORS headers (on every answer, errors included) are set ahead of JAX-RS, in {@link WhipHttp}.
 * A request for a room that is live on another app node is relayed there ({@link NodeRelay}).
 */
@Path("/api/rooms/{roomId}/whip")
@PermitAll
@Tag(name = "Live rooms")
public class WhipResource {

    static final String SDP = "application/sdp";

    private final LiveRooms rooms;
    private final RoomStore store;
    private final Instance<RoomDesk> desk;
    private final Instance<SecurityIdentity> identity;

    private final eu.plenum.media.rooms.RoomLocator locator;
    private final NodeRelay relay;
    private final RelayedHosts relayedHosts;
    private final eu.plenum.media.TurnCredentials turn;

    WhipResource(LiveRooms rooms, RoomStore store, Instance<RoomDesk> desk, Instance<SecurityIdentity> identity,
            eu.plenum.media.rooms.RoomLocator locator, NodeRelay relay, RelayedHosts relayedHosts,
            eu.plenum.media.TurnCredentials turn) {
        this.turn = turn;
        this.relayedHosts = relayedHosts;
        this.locator = locator;
        this.relay = relay;
        this.rooms = rooms;
        this.store = store;
        this.desk = desk;
        this.identity = identity;
    }

    @POST
    @Consumes(SDP)
    @Produces(SDP)
    @Operation(summary = "Publish into the room: SDP offer in, SDP answer out (201, Location names the session)")
    public Response publish(@PathParam("roomId") UUID roomId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(NodeRelay.RELAYED) String relayed, @HeaderParam(RelayedHosts.HEADER) String relayedHost,
            @jakarta.ws.rs.core.Context io.vertx.core.http.HttpServerRequest request, String offer) {
        boolean fromANode = locator.relayedByANode(relayed, source(request));
        byte[] body = offer == null ? new byte[0] : offer.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        authorize(roomId, authorization, fromANode, relayedHost, "POST", "/api/rooms/" + roomId + "/whip", body);
        // A second publisher (screen share, co-presenter) joins the node the room is live on.
        java.util.Optional<String> owner = fromANode ? java.util.Optional.empty() : locator.servedElsewhere(roomId);
        if (owner.isPresent()) {
            return relay.relay("POST", owner.get(), "/api/rooms/" + roomId + "/whip", authorization, body, SDP);
        }
        SdpOffer parsed = SdpOffer.parseOrRefuse(offer);
        LiveRooms.Published published = rooms.publish(roomId, parsed, offer);
        return iceServers(Response.created(URI.create("/api/rooms/" + roomId + "/whip/" + published.publisherId())), turn)
                .type(SDP).entity(published.answerSdp()).build();
    }

    @DELETE
    @Path("/{sessionId}")
    @Operation(summary = "End a WHIP session")
    public Response end(@PathParam("roomId") UUID roomId, @PathParam("sessionId") UUID sessionId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @HeaderParam(NodeRelay.RELAYED) String relayed,
            @HeaderParam(RelayedHosts.HEADER) String relayedHost, @jakarta.ws.rs.core.Context io.vertx.core.http.HttpServerRequest request) {
        boolean fromANode = locator.relayedByANode(relayed, source(request));
        authorize(roomId, authorization, fromANode, relayedHost, "DELETE", "/api/rooms/" + roomId + "/whip/" + sessionId, null);
        java.util.Optional<String> owner = fromANode ? java.util.Optional.empty() : locator.servedElsewhere(roomId);
        if (owner.isPresent()) {
            return relay.relay("DELETE", owner.get(), "/api/rooms/" + roomId + "/whip/" + sessionId, authorization, null, null);
        }
        rooms.unpublish(roomId, sessionId);
        return Response.ok().build();
    }

    @PATCH
    @Path("/{sessionId}")
    @Operation(summary = "Trickle ICE and ICE restarts are not supported (405, RFC 9725 section 4.3.1)")
    public Response patch() {
        // Thrown, not returned: the problem mapper gives the 405 its problem+json body and keeps the Allow header.
        throw new NotAllowedException("Trickle ICE and ICE restarts are not supported",
                Response.status(405).header(HttpHeaders.ALLOW, "OPTIONS, DELETE").build());
    }

    @OPTIONS
    public Response preflight() {
        return Response.noContent().header("Accept-Post", SDP).header(HttpHeaders.ALLOW, "OPTIONS, POST").build();
    }

    @OPTIONS
    @Path("/{sessionId}")
    public Response sessionPreflight() {
        return Response.noContent().header(HttpHeaders.ALLOW, "OPTIONS, DELETE, PATCH").build();
    }

    /** The TURN relays with fresh credentials, as RFC 9725 {@code Link: rel="ice-server"} headers (none without a relay). */
    static Response.ResponseBuilder iceServers(Response.ResponseBuilder response, eu.plenum.media.TurnCredentials turn) {
        turn.mint().ifPresent(server -> server.linkHeaders().forEach(link -> response.header("Link", link)));
        return response;
    }

    private static String source(io.vertx.core.http.HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    /**
     * A request another app node relayed for a host it signed in by cookie (the studio) carries that host,
     * signed ({@link RelayedHosts}); believed only from a node's address, then checked against the room's tenant.
     */
    private void authorize(UUID roomId, String authorization, boolean fromANode, String relayedHost, String method, String path,
            byte[] body) {
        if (relayedHost != null) {
            RelayedHosts.Host host = (fromANode ? relayedHosts.verify(relayedHost, method, path, body) : java.util.Optional.<RelayedHosts.Host>empty())
                    .orElseThrow(() -> new MediaException(401, "relayed-host-invalid",
                            "The relayed host is not signed by an app node of this installation, or the signature is stale or used."));
            if (!host.tenantId().equals(store.read(roomId, room -> room == null ? null : room.tenantId()))) {
                throw new MediaException(404, "unknown-room", "There is no such live room.");
            }
            return;
        }
        authorize(roomId, authorization);
    }

    private void authorize(UUID roomId, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() < 8) {
            throw new MediaException(401, "credential-missing",
                    "Send the room's stream key or your access token as 'Authorization: Bearer <credential>'.");
        }
        String credential = authorization.substring(7).trim();
        if (credential.startsWith(RoomDesk.STREAM_KEY_PREFIX)) {
            if (!store.read(roomId, room -> RoomDesk.keyMatches(room, credential))) {
                throw new MediaException(401, "wrong-stream-key", "This is not the room's current stream key.");
            }
            return;
        }
        SecurityIdentity caller = identity.get();
        if (caller.isAnonymous()) {
            throw new MediaException(401, "credential-invalid", "The access token is not valid.");
        }
        if (!caller.hasRole(PlenumRoles.HOST)) {
            throw new MediaException(403, "not-a-host", "Only hosts publish into live rooms.");
        }
        desk.get().requireOwn(roomId);
    }
}
