package eu.plenum.shared.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request a correlation id: taken from {@code X-Correlation-Id} when the caller sends a
 * well-formed one, generated otherwise; put into the log context and echoed in the response.
 */
@ApplicationScoped
public class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    static final String CONTEXT_KEY = "plenum.correlationId";
    private static final String MDC_KEY = "correlationId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::assign);
    }

    private void assign(RoutingContext context) {
        String offered = context.request().getHeader(HEADER);
        String id = offered != null && WELL_FORMED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        context.put(CONTEXT_KEY, id);
        MDC.put(MDC_KEY, id);
        context.response().putHeader(HEADER, id);
        context.addEndHandler(done -> MDC.remove(MDC_KEY));
        context.next();
    }

    /** The id of the request being handled, or a fresh one when called outside a request. */
    static String of(RoutingContext context) {
        Object id = context == null ? null : context.get(CONTEXT_KEY);
        return id == null ? UUID.randomUUID().toString() : id.toString();
    }
}
