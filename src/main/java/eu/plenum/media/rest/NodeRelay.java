package eu.plenum.media.rest;

import eu.plenum.media.MediaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Relays a WHIP or WHEP request to the app node that serves the room (RFC 9725 allows a redirect
 * or a proxy; a proxy keeps the bearer, which browsers drop on a cross-origin redirect). Media then
 * flows straight between the client and that node's workers: only the signalling passes here. A
 * relayed request carries {@link #RELAYED} and is never relayed again.
 */
@ApplicationScoped
public class NodeRelay {

    public static final String RELAYED = "X-Plenum-Relayed";
    private static final List<String> COPIED = List.of("Content-Type", "Location", "Retry-After", "ETag", "Link", "Accept-Post");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The owner names the resource with its own (internal) address; the client keeps asking the node it reached. */
    private static String pathOnly(String location) {
        URI uri = URI.create(location);
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    Response relay(String method, String nodeUrl, String path, String authorization, byte[] body, String contentType) {
        return relay(method, nodeUrl, path, authorization, body, contentType, java.util.Map.of());
    }

    /** Relays with more headers (a studio request's signed host, {@link RelayedHosts}). */
    public Response relay(String method, String nodeUrl, String path, String authorization, byte[] body, String contentType,
            java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nodeUrl + path)).timeout(TIMEOUT).header(RELAYED, "1")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        if (contentType != null && body != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new MediaException(503, "room-node-unreachable", "The node that serves this room does not answer; try again.", 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(503, "room-node-unreachable", "Interrupted while relaying to the room's node.", 2);
        }
        Response.ResponseBuilder response = Response.status(answer.statusCode());
        for (String header : COPIED) {
            answer.headers().firstValue(header).ifPresent(value -> response.header(header,
                    "Location".equals(header) ? pathOnly(value) : value));
        }
        return answer.body().length == 0 ? response.build() : response.entity(answer.body()).build();
    }
}
