package eu.plenum.media.web;

import eu.plenum.identity.CurrentHost;
import eu.plenum.media.rest.NodeRelay;
import eu.plenum.media.rest.RelayedHosts;
import eu.plenum.media.rooms.RoomLocator;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The studio's WHIP requests for a room live on another app node: the host's session cookie was
 * checked here and stays here; the owning node gets the API's WHIP request with the host signed by
 * this node ({@link RelayedHosts}), and the studio keeps naming its session by the studio's path.
 */
@RequestScoped
class StudioRelay {

    private final RoomLocator locator;
    private final NodeRelay relay;
    private final RelayedHosts hosts;
    private final CurrentHost host;

    StudioRelay(RoomLocator locator, NodeRelay relay, RelayedHosts hosts, CurrentHost host) {
        this.locator = locator;
        this.relay = relay;
        this.hosts = hosts;
        this.host = host;
    }

    /** The owning node's answer to the offer, when another node serves the room. */
    Optional<Response> publish(UUID roomId, String offer) {
        return locator.servedElsewhere(roomId).map(node -> {
            String path = "/api/rooms/" + roomId + "/whip";
            byte[] body = offer == null ? new byte[0] : offer.getBytes(StandardCharsets.UTF_8);
            Response answer = relay.relay("POST", node, path, null, body, "application/sdp", signed("POST", path, body));
            return studioLocation(answer, roomId);
        });
    }

    Optional<Response> unpublish(UUID roomId, UUID publisherId) {
        return locator.servedElsewhere(roomId).map(node -> {
            String path = "/api/rooms/" + roomId + "/whip/" + publisherId;
            Response answer = relay.relay("DELETE", node, path, null, null, null, signed("DELETE", path, null));
            return answer.getStatus() == 200 ? Response.noContent().build() : answer; // as the studio answers here
        });
    }

    private Map<String, String> signed(String method, String path, byte[] body) {
        return Map.of(RelayedHosts.HEADER, hosts.sign(method, path, body, new RelayedHosts.Host(host.tenant().id(), host.userId())));
    }

    /** The API names the session {@code /api/rooms/{room}/whip/{id}}; the studio ends it at its own path. */
    private static Response studioLocation(Response answer, UUID roomId) {
        Object location = answer.getHeaders().getFirst("Location");
        if (location == null) {
            return answer;
        }
        String apiPrefix = "/api/rooms/" + roomId + "/whip/";
        String value = location.toString();
        if (!value.startsWith(apiPrefix)) {
            return answer;
        }
        return Response.fromResponse(answer).header("Location", null)
                .header("Location", "/host/studio/rooms/" + roomId + "/whip/" + value.substring(apiPrefix.length())).build();
    }
}
