package eu.plenum.edge;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * Every path of an edge-only node but its HLS relay and its health and metrics: a GET or HEAD is sent
 * to the same path on the EU origin (307), anything else gets a 404 problem and the connection is
 * closed — the body is never read, so registration forms, sign-in posts and API bodies never enter the
 * edge beyond the socket buffer, and nothing of them is kept or logged. Sets no cookie.
 */
final class EdgeGate {

    private static final Pattern OPERATIONS = Pattern.compile("/q/(health|metrics)(/.*)?");

    private final String origin;

    EdgeGate(String origin) {
        this.origin = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (OPERATIONS.matcher(context.normalizedPath()).matches() && request.method().name().equals("GET")) {
            context.next();
            return;
        }
        context.response().putHeader("Cache-Control", "no-store").putHeader("Referrer-Policy", "no-referrer");
        String method = request.method().name();
        if (method.equals("GET") || method.equals("HEAD")) {
            String uri = request.uri();
            context.response().setStatusCode(307).putHeader("Location", origin + (uri.startsWith("/") ? uri : "/")).end();
            return;
        }
        EdgeProblems.closeAfter(context);
        EdgeProblems.send(context, 404, "not-on-edge",
                "This node is an edge: it serves live video of open webinars only. Use the EU origin for everything else.");
    }
}
