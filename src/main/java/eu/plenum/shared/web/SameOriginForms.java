package eu.plenum.shared.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Set;

/**
 * Cross-site request forgery defence for the pages: a state-changing request that a browser
 * marks as coming from another site (Sec-Fetch-Site, else Origin) is refused with 403 before it
 * reaches a resource. The session cookie is SameSite=Lax as a second line. /api takes bearer
 * tokens, which browsers never attach by themselves, so it is left alone.
 */
@ApplicationScoped
public class SameOriginForms {

    private static final Set<HttpMethod> CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 20).handler(this::check);
    }

    private void check(RoutingContext context) {
        if (!CHANGING.contains(context.request().method()) || context.request().path().startsWith("/api/")) {
            context.next();
            return;
        }
        if (crossSite(context)) {
            context.response().setStatusCode(403).putHeader("Content-Type", ProblemDetail.MEDIA_TYPE)
                    .end("{\"type\":\"urn:plenum:problem:cross-site-request\",\"title\":\"Forbidden\",\"status\":403,"
                            + "\"detail\":\"Forms of this site can only be sent from this site.\"}");
            return;
        }
        context.next();
    }

    static boolean crossSite(RoutingContext context) {
        String fetchSite = context.request().getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !Set.of("same-origin", "none").contains(fetchSite);
        }
        String origin = context.request().getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return origin != null;
        }
        try {
            String host = context.request().getHeader("Host");
            return host == null || !host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
