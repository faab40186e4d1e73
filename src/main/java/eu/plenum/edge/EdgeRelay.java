package eu.plenum.edge;

import eu.plenum.shared.PlaybackSignatures;
import eu.plenum.shared.SourceRateLimiter;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code GET /live/{room}/{file}?exp=&sig=} on an edge: checks the signature with the verify key (scope
 * {@code live-open}: only open webinars' URLs are minted so; a registration-only room's {@code live} URL
 * is refused here and never asked of the origin), then answers from the {@link EdgeCache} or fetches the
 * file from the origin, naming itself in {@code Plenum-Edge} so that the origin, too, serves it open rooms
 * only. Sends the origin nothing of the viewer: no address, no cookie, no header of the request.
 */
public final class EdgeRelay {

    /** The header an edge names itself with on its origin requests. */
    public static final String EDGE_HEADER = "Plenum-Edge";

    private static final Pattern ROOM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern PLAYLIST = Pattern.compile("index\\.m3u8|event\\.m3u8");
    private static final Pattern SEGMENT = Pattern.compile("g[0-9]{1,6}-[0-9]{5,9}\\.ts");

    private final HttpClient origin;
    private final String originUrl;
    private final String name;
    private final PlaybackSignatures signatures;
    private final EdgeCache cache;
    private final Duration playlistTtl;
    private final Duration segmentTtl;
    private final long maxEntryBytes;
    private final SourceRateLimiter requests;

    public EdgeRelay(HttpClient origin, String originUrl, String name, PlaybackSignatures signatures, EdgeCache cache,
            Duration playlistTtl, Duration segmentTtl, long maxEntryBytes, SourceRateLimiter requests) {
        this.origin = origin;
        this.originUrl = originUrl.endsWith("/") ? originUrl.substring(0, originUrl.length() - 1) : originUrl;
        this.name = name;
        this.signatures = signatures;
        this.cache = cache;
        this.playlistTtl = playlistTtl;
        this.segmentTtl = segmentTtl;
        this.maxEntryBytes = maxEntryBytes;
        this.requests = requests;
    }

    public EdgeCache cache() {
        return cache;
    }

    public void serve(RoutingContext context) {
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
            EdgeProblems.closeAfter(context);
            EdgeProblems.send(context, 405, "method-not-allowed", "Live playback is read with GET.");
            return;
        }
        String source = context.request().remoteAddress() == null ? null : context.request().remoteAddress().hostAddress();
        if (!requests.tryTake(source)) {
            response.putHeader("Retry-After", String.valueOf(requests.retryAfterSeconds()));
            EdgeProblems.send(context, 429, "too-many-requests", "Too many live playback requests from your address; wait a moment.");
            return;
        }
        String[] parts = context.normalizedPath().split("/");
        boolean playlist = parts.length == 4 && PLAYLIST.matcher(parts[3]).matches();
        if (parts.length != 4 || !ROOM.matcher(parts[2]).matches() || !(playlist || SEGMENT.matcher(parts[3]).matches())) {
            EdgeProblems.send(context, 404, "not-found", "There is no such live playback file.");
            return;
        }
        UUID room = UUID.fromString(parts[2]);
        String exp = context.request().getParam("exp");
        String sig = context.request().getParam("sig");
        if (!signatures.verify(PlaybackSignatures.OPEN_LIVE, room, exp, sig)) {
            boolean closedRoom = signatures.verify(PlaybackSignatures.LIVE, room, exp, sig);
            EdgeProblems.send(context, 403, closedRoom ? "not-open-webinar" : "playback-url-invalid", closedRoom
                    ? "This edge serves open webinars only; play this one from the origin."
                    : "This playback URL is not valid for this room, or it has expired; ask the page for a fresh one.");
            return;
        }
        // Keyed by path: a segment never changes, and every viewer of an open room may see the same playlist.
        String key = "/live/" + room + "/" + parts[3];
        String target = originUrl + key + "?exp=" + exp + "&sig=" + sig;
        cache.get(key, playlist ? playlistTtl : segmentTtl, () -> fetch(target)).onComplete(done -> {
            if (done.failed()) {
                EdgeProblems.send(context, 502, "origin-unavailable", "The origin of this live stream did not answer; try again in a moment.");
                return;
            }
            EdgeCache.Answer answer = done.result();
            if (answer.status() != 200) {
                EdgeProblems.send(context, answer.status() == 403 ? 403 : 404, answer.status() == 403 ? "not-open-webinar" : "not-found",
                        answer.status() == 403 ? "The origin serves this room to edges no more (it is not open)."
                                : "There is no such live playback file (the room may not be live).");
                return;
            }
            response.putHeader("Content-Type", answer.contentType())
                    .putHeader("Cache-Control", playlist ? "public, max-age=1" : "public, max-age=" + segmentTtl.toSeconds());
            if (method.equals("HEAD")) {
                response.putHeader("Content-Length", String.valueOf(answer.body().length())).end();
            } else {
                response.end(answer.body());
            }
        });
    }

    private Future<EdgeCache.Answer> fetch(String target) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(target)
                .putHeader(EDGE_HEADER, name).setIdleTimeout(15_000);
        return origin.request(options).compose(request -> request.send()).compose(answer -> {
            long length = Long.parseLong(answer.getHeader("Content-Length") == null ? "0" : answer.getHeader("Content-Length"));
            if (length > maxEntryBytes) {
                answer.request().connection().close();
                return Future.failedFuture("the origin's answer is larger than plenum.edge.max-entry-bytes");
            }
            return answer.body().compose(body -> body.length() > maxEntryBytes
                    ? Future.failedFuture("the origin's answer is larger than plenum.edge.max-entry-bytes")
                    : Future.succeededFuture(new EdgeCache.Answer(answer.statusCode(), answer.getHeader("Content-Type"),
                            answer.getHeader("Cache-Control"), body)));
        });
    }
}
