package eu.plenum.edge;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problems written by the edge's own routes, which answer before JAX-RS and its problem mappers. */
final class EdgeProblems {

    private EdgeProblems() {
    }

    /** Asks for the connection to close after the answer (HTTP/1.x: the unread body is not drained; HTTP/2 has no such header). */
    static void closeAfter(RoutingContext context) {
        if (context.request().version() != io.vertx.core.http.HttpVersion.HTTP_2) {
            context.response().putHeader("Connection", "close");
        }
    }

    static void send(RoutingContext context, int status, String type, String detail) {
        String title = switch (status) {
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            default -> "Bad Gateway";
        };
        JsonObject problem = new JsonObject().put("type", "urn:plenum:problem:" + type).put("title", title).put("status", status)
                .put("detail", detail).put("instance", context.normalizedPath());
        context.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .putHeader("Cache-Control", "no-store").end(problem.encode());
    }
}
