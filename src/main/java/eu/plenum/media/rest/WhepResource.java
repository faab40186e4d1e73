package eu.plenum.media.rest;

import eu.plenum.media.MediaException;
import eu.plenum.media.ViewerPasses;
import eu.plenum.media.Viewing;
import eu.plenum.media.rooms.RoomLocator;
import jakarta.annotation.security.PermitAll;
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
 * WHEP (draft-ietf-wish-whep) playback of a live room, with the conventions of the WHIP endpoint:
 * non-trickle (the answer carries every candidate; PATCH is 405), CORS on every answer
 * ({@link WhipHttp}), offers of at most 64 KiB. The credential is a short-lived viewer pass
 * ({@code vp_…}) that whoever admitted the viewer minted; the viewer itself is named by a random
 * id in the Location, so its DELETE needs the pass of the same holder. A request that reaches a node
 * which does not serve the room is relayed to the one that does ({@link NodeRelay}).
 */
@Path("/api/rooms/{roomId}/whep")
@PermitAll
@Tag(name = "Live rooms")
public class WhepResource {

    private final Viewing viewing;
    private final ViewerPasses passes;
    private final RoomLocator locator;
    private final NodeRelay relay;
    private final eu.plenum.media.TurnCredentials turn;

    private final eu.plenum.shared.SourceRateLimiter offers;

    WhepResource(Viewing viewing, ViewerPasses passes, RoomLocator locator, NodeRelay relay, eu.plenum.media.TurnCredentials turn,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "plenum.media.whep-per-source.requests", defaultValue = "60")
            int requests,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "plenum.media.whep-per-source.period", defaultValue = "1m")
            java.time.Duration period) {
        this.offers = new eu.plenum.shared.SourceRateLimiter(requests, period);
        this.viewing = viewing;
        this.passes = passes;
        this.locator = locator;
        this.relay = relay;
        this.turn = turn;
    }

    @POST
    @Consumes(WhipResource.SDP)
    @Produces(WhipResource.SDP)
    @Operation(summary = "Watch the room: SDP offer (recvonly) in, SDP answer out (201, Location names the viewer)")
    public Response watch(@PathParam("roomId") UUID roomId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(NodeRelay.RELAYED) String relayed, @jakarta.ws.rs.core.Context io.vertx.core.http.HttpServerRequest request,
            String offer) {
        // Each offer costs a negotiation (ICE gathering, DTLS): one address gets a bounded number; offers another
        // app node relayed were counted there (the header alone proves nothing: it must come from a node's address).
        String source = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (!locator.relayedByANode(relayed, source) && !offers.tryTake(source)) {
            throw new MediaException(429, "too-many-offers", "Too many WHEP offers from your address; wait a moment.",
                    offers.retryAfterSeconds());
        }
        ViewerPasses.Pass pass = authorize(roomId, authorization, false);
        java.util.Optional<String> owner = relayed == null ? locator.servedElsewhere(roomId) : java.util.Optional.empty();
        if (owner.isPresent()) {
            return relay.relay("POST", owner.get(), "/api/rooms/" + roomId + "/whep", authorization,
                    offer == null ? new byte[0] : offer.getBytes(java.nio.charset.StandardCharsets.UTF_8), WhipResource.SDP);
        }
        Viewing.Watching watching = viewing.watch(roomId, pass.holder(), offer);
        return WhipResource.iceServers(Response.created(URI.create("/api/rooms/" + roomId + "/whep/" + watching.viewerId())), turn)
                .type(WhipResource.SDP).entity(watching.answerSdp()).build();
    }

    @DELETE
    @Path("/{viewerId}")
    @Operation(summary = "Stop watching")
    public Response leave(@PathParam("roomId") UUID roomId, @PathParam("viewerId") UUID viewerId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @HeaderParam(NodeRelay.RELAYED) String relayed) {
        ViewerPasses.Pass pass = authorize(roomId, authorization, true);
        java.util.Optional<String> owner = relayed == null ? locator.servedElsewhere(roomId) : java.util.Optional.empty();
        if (owner.isPresent()) {
            return relay.relay("DELETE", owner.get(), "/api/rooms/" + roomId + "/whep/" + viewerId, authorization, null, null);
        }
        viewing.leave(roomId, viewerId, pass.holder());
        return Response.ok().build();
    }

    @PATCH
    @Path("/{viewerId}")
    @Operation(summary = "Trickle ICE and ICE restarts are not supported (405)")
    public Response patch() {
        // Thrown, not returned: the problem mapper gives the 405 its problem+json body and keeps the Allow header.
        throw new NotAllowedException("Trickle ICE and ICE restarts are not supported",
                Response.status(405).header(HttpHeaders.ALLOW, "OPTIONS, DELETE").build());
    }

    @OPTIONS
    public Response preflight() {
        return Response.noContent().header("Accept-Post", WhipResource.SDP).header(HttpHeaders.ALLOW, "OPTIONS, POST").build();
    }

    @OPTIONS
    @Path("/{viewerId}")
    public Response viewerPreflight() {
        return Response.noContent().header(HttpHeaders.ALLOW, "OPTIONS, DELETE, PATCH").build();
    }

    /** The pass of the request; to end a viewer an expired pass of its holder does (a page leaves after its pass ran out). */
    private ViewerPasses.Pass authorize(UUID roomId, String authorization, boolean toEnd) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() < 8) {
            throw new MediaException(401, "credential-missing", "Send a viewer pass as 'Authorization: Bearer vp_…'.");
        }
        String token = authorization.substring(7).trim();
        return (toEnd ? passes.verifyToEnd(token, roomId) : passes.verify(token, roomId)).orElseThrow(() -> new MediaException(401,
                "pass-invalid", "The viewer pass is not valid for this room or has expired; the page gets a new one."));
    }
}
