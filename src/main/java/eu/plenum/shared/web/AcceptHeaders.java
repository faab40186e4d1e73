package eu.plenum.shared.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An Accept header that cannot be parsed ({@code garbage}, {@code ;;;}, a q of {@code abc} or {@code 2}) is
 * refused with a problem+json 400 before anything negotiates on it: Quarkus REST threw IllegalArgumentException
 * from its media-type parser (a 500 from the failure handler, with a stack trace) or, for a broken q, chose HTML.
 */
@ApplicationScoped
public class AcceptHeaders {

    /** RFC 9110's qvalue: 0 to 1 with at most three decimals. */
    private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

    private final ObjectMapper json;

    AcceptHeaders(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        // After the flood limits (traffic), before authentication and every resource.
        router.route().order(Integer.MIN_VALUE + 16).handler(this::check);
    }

    private void check(RoutingContext context) {
        List<String> accepts = context.request().headers().getAll(HttpHeaders.ACCEPT);
        if (accepts.stream().allMatch(AcceptHeaders::parses)) {
            context.next();
            return;
        }
        ProblemDetail problem = new ProblemDetail(ProblemDetail.typeUri("bad-accept-header"), ProblemMappers.title(400), 400,
                "The Accept header is not a list of media types (type/subtype, optional parameters, q from 0 to 1).",
                context.normalizedPath(), CorrelationIds.of(context), List.of());
        try {
            context.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether every element of one Accept header is a media type with a valid q (empty elements are allowed). */
    static boolean parses(String header) {
        for (String element : header.split(",")) {
            if (element.isBlank()) {
                continue;
            }
            MediaType type;
            try {
                type = MediaType.valueOf(element.strip());
            } catch (IllegalArgumentException unparseable) {
                return false;
            }
            String q = type.getParameters().get("q");
            if (q != null && !QVALUE.matcher(q.strip()).matches()) {
                return false;
            }
        }
        return true;
    }
}
