package eu.plenum.media.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.plenum.media.LiveHls;
import eu.plenum.media.rooms.RoomHls;
import eu.plenum.media.worker.HlsPlaylists;
import eu.plenum.shared.PlaybackSignatures;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Public playback of live HLS: {@code GET /live/{room}/index.m3u8|event.m3u8|g<n>-<k>.ts?exp=&sig=}.
 * Opened by the signature alone — no database, no session, no personal data — so a CDN or an edge
 * holding the public key can do the same. Names are checked against a strict pattern before any
 * file is touched (no path can leave the room's folder). Playlists are rewritten so each segment
 * URI carries a fresh signature and are cacheable for a second; segments never change, so they are
 * immutable for a year. Every answer, refusals included, may be read from any origin.
 */
@ApplicationScoped
class LiveHlsRoutes {

    private static final Pattern ROOM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern PLAYLIST = Pattern.compile("index\\.m3u8|event\\.m3u8");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The header an edge names itself with ({@code eu.plenum.edge.EdgeRelay}): such a request gets open rooms only. */
    static final String EDGE_HEADER = "Plenum-Edge";

    private final RoomHls hls;
    private final PlaybackSignatures signatures;
    private final eu.plenum.shared.SourceRateLimiter requests;

    /** {@code plenum.media.hls-per-source.*}: see {@link eu.plenum.media.supervisor.MediaConfig#hlsPerSource()}. */
    private final eu.plenum.shared.NodeConfig node;

    LiveHlsRoutes(RoomHls hls, PlaybackSignatures signatures, eu.plenum.media.supervisor.MediaConfig config, eu.plenum.shared.NodeConfig node) {
        this.node = node;
        this.hls = hls;
        this.signatures = signatures;
        this.requests = new eu.plenum.shared.SourceRateLimiter(config.hlsPerSource().requests(), config.hlsPerSource().period());
    }

    void register(@Observes Router router) {
        if (node.edgeOnly()) {
            return; // an edge-only node has no room folders: its /live is the edge relay's (eu.plenum.edge)
        }
        router.routeWithRegex("/live/.*").order(Integer.MIN_VALUE + 40).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        HttpServerResponse response = context.response();
        response.putHeader("Access-Control-Allow-Origin", "*").putHeader("Access-Control-Expose-Headers", "Content-Length, Content-Type");
        String method = context.request().method().name();
        if (method.equals("OPTIONS")) {
            response.putHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS").putHeader("Access-Control-Max-Age", "600")
                    .setStatusCode(204).end();
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.putHeader("Allow", "GET, HEAD, OPTIONS");
            problem(context, 405, "method-not-allowed", "Live playback is read with GET.");
            return;
        }
        String source = context.request().remoteAddress() == null ? null : context.request().remoteAddress().hostAddress();
        if (!requests.tryTake(source)) {
            response.putHeader("Retry-After", String.valueOf(requests.retryAfterSeconds()));
            problem(context, 429, "too-many-requests", "Too many live playback requests from your address; wait a moment.");
            return;
        }
        String[] parts = context.normalizedPath().split("/");
        if (parts.length != 4 || !ROOM.matcher(parts[2]).matches()
                || !(PLAYLIST.matcher(parts[3]).matches() || HlsPlaylists.SEGMENT.matcher(parts[3]).matches())) {
            problem(context, 404, "not-found", "There is no such live playback file.");
            return;
        }
        UUID roomId = UUID.fromString(parts[2]);
        String name = parts[3];
        String exp = context.request().getParam("exp");
        String sig = context.request().getParam("sig");
        boolean open = signatures.verify(PlaybackSignatures.OPEN_LIVE, roomId, exp, sig);
        if (!open && !signatures.verify(LiveHls.SCOPE, roomId, exp, sig)) {
            problem(context, 403, "playback-url-invalid",
                    "This playback URL is not valid for this room, or it has expired; ask the page for a fresh one.");
            return;
        }
        if (!open && context.request().getHeader(EDGE_HEADER) != null) {
            // An edge (it names itself) may be outside the EU: it gets open webinars' media only.
            problem(context, 403, "not-open-webinar", "Edges are served open webinars only.");
            return;
        }
        Path file = hls.folder(roomId).resolve(name);
        if (!Files.isRegularFile(file)) {
            problem(context, 404, "not-found", "There is no such live playback file (the room may not be live).");
            return;
        }
        if (name.endsWith(".ts")) {
            response.putHeader("Content-Type", "video/mp2t").putHeader("Cache-Control", "public, max-age=31536000, immutable");
            response.sendFile(file.toString());
            return;
        }
        String scope = open ? PlaybackSignatures.OPEN_LIVE : LiveHls.SCOPE;
        String query = signatures.canSign() ? signatures.sign(scope, roomId) : "exp=" + exp + "&sig=" + sig;
        context.vertx().executeBlocking(() -> signedPlaylist(file, query), false).onComplete(read -> {
            if (read.failed()) {
                problem(context, 404, "not-found", "There is no such live playback file (the room may not be live).");
                return;
            }
            response.putHeader("Content-Type", "application/vnd.apple.mpegurl").putHeader("Cache-Control", "public, max-age=1")
                    .end(read.result());
        });
    }

    /** The playlist with {@code query} on every segment URI (its lines that are not tags). */
    static String signedPlaylist(Path file, String query) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.append(line);
            if (!line.isBlank() && !line.startsWith("#")) {
                out.append('?').append(query);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void problem(RoutingContext context, int status, String type, String detail) {
        String body;
        try {
            java.util.Map<String, Object> problem = new java.util.LinkedHashMap<>();
            problem.put("type", "urn:plenum:problem:" + type);
            problem.put("title", title(status));
            problem.put("status", status);
            problem.put("detail", detail);
            problem.put("instance", context.normalizedPath());
            body = JSON.writeValueAsString(problem);
        } catch (IOException e) {
            body = "{\"status\":" + status + "}";
        }
        // RFC 9457, written here: this route answers before JAX-RS and its problem mappers.
        context.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .putHeader("Cache-Control", "no-store").end(body);
    }

    private static String title(int status) {
        return switch (status) {
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            default -> "Method Not Allowed";
        };
    }
}
