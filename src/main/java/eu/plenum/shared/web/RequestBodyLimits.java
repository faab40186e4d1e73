package eu.plenum.shared.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.plenum.shared.RequestBodyLimit;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Request bodies are limited in bytes before anything reads them: {@code quarkus.http.limits.max-body-size}
 * for every path, tighter limits where a context declares one ({@link RequestBodyLimit}, e.g. a WHIP
 * offer). A declared Content-Length over the limit is answered at once, before authentication, with
 * a problem+json 413 (Quarkus's own answer would be a bare 413); on a path with a tighter limit a
 * body without Content-Length is refused with a problem+json 411, because only a declared length
 * can be judged before reading.
 */
@ApplicationScoped
public class RequestBodyLimits {

    private final List<RequestBodyLimit> limits;
    private final long overall;
    private final ObjectMapper json;

    RequestBodyLimits(Instance<RequestBodyLimit> limits, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize overall,
            ObjectMapper json) {
        this.limits = limits.stream().toList();
        this.overall = overall.asLongValue();
        this.json = json;
    }

    void register(@Observes Router router) {
        // Before authentication and before Quarkus's own limit route, which would end the request with an empty 413.
        router.route().order(Integer.MIN_VALUE + 40).handler(this::refuseDeclaredOversize);
    }

    private void refuseDeclaredOversize(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        RequestBodyLimit limit = limitFor(context.normalizedPath());
        if (declared == null && limit.path() != null && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            refuse(context, 411, "length-required", limit.what() + " needs a Content-Length (at most " + limit.maxBytes() + " bytes).");
            return;
        }
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException malformed) {
                length = Long.MAX_VALUE;
            }
            if (length > limit.maxBytes()) {
                refuse(context, 413, "body-too-large", limit.what() + " is at most " + limit.maxBytes() + " bytes.");
                return;
            }
        }
        context.next();
    }

    private RequestBodyLimit limitFor(String path) {
        return limits.stream().filter(limit -> limit.path().matcher(path).matches()).findFirst()
                .orElse(new RequestBodyLimit(null, overall, "A request body"));
    }

    private void refuse(RoutingContext context, int status, String slug, String detail) {
        ProblemDetail problem = new ProblemDetail(ProblemDetail.typeUri(slug), ProblemMappers.title(status), status,
                detail, context.normalizedPath(), CorrelationIds.of(context), List.of());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The body was never read: close the connection rather than drain an upload we refused.
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
