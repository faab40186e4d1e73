package eu.plenum.traffic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** The problem+json answers of the door (429, 503, 408), written before any resource runs, in the shape ProblemMappers gives. */
@ApplicationScoped
class TrafficProblems {

    private static final String MEDIA_TYPE = "application/problem+json";
    private final ObjectMapper json;

    TrafficProblems(ObjectMapper json) {
        this.json = json;
    }

    void rateLimited(RoutingContext context, long retryAfterSeconds) {
        send(context, 429, "Too Many Requests", "rate-limited",
                "Too many requests from your address or with your credential; try again in " + retryAfterSeconds + " s.", retryAfterSeconds, false);
    }

    void overloaded(RoutingContext context, long retryAfterSeconds) {
        send(context, 503, "Service Unavailable", "overloaded",
                "The service is at capacity and takes no new work just now; retry in " + retryAfterSeconds + " s.", retryAfterSeconds, false);
    }

    void bodyTooSlow(RoutingContext context) {
        send(context, 408, "Request Timeout", "request-timeout", "The request body did not arrive in time.", 0, true);
    }

    private void send(RoutingContext context, int status, String title, String slug, String detail, long retryAfter, boolean close) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:plenum:problem:" + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", context.normalizedPath());
        String correlationId = context.response().headers().get("X-Correlation-Id");
        if (correlationId != null) {
            problem.put("correlationId", correlationId);
        }
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE);
        if (retryAfter > 0) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
        }
        boolean http1 = context.request().version() == io.vertx.core.http.HttpVersion.HTTP_1_0
                || context.request().version() == io.vertx.core.http.HttpVersion.HTTP_1_1;
        if (http1 && (close || !context.request().isEnded())) {
            // An unread body is not drained for a request we refuse: the connection goes.
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        context.response().end(body);
    }
}
