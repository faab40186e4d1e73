package eu.plenum.media.rest;

import eu.plenum.media.whip.SdpOffer;
import eu.plenum.shared.RequestBodyLimit;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/**
 * HTTP rules of the WHIP and WHEP endpoints that hold before JAX-RS sees a request: an SDP offer is at most
 * {@link SdpOffer#MAX_BYTES} bytes (API and studio path alike, counted in bytes before the body is
 * read), and every answer of the API path — success, refusal or error — carries the CORS headers
 * that a browser-based WHIP client on another origin needs to read it (RFC 9725 section 4.6).
 */
@ApplicationScoped
class WhipHttp {

    private static final Pattern WHIP_API = Pattern.compile("/api/rooms/[^/]+/wh[ie]p(/[^/]+)?");
    private static final Pattern OFFER = Pattern.compile("(/api/rooms|/host/studio/rooms)/[^/]+/wh[ie]p");

    @Produces
    @Singleton
    RequestBodyLimit offerLimit() {
        return new RequestBodyLimit(OFFER, SdpOffer.MAX_BYTES, "An SDP offer");
    }

    void register(@Observes Router router) {
        // Ahead of the body limits, so that a 413 is readable cross-origin too.
        router.routeWithRegex(WHIP_API.pattern()).order(Integer.MIN_VALUE + 30).handler(WhipHttp::cors);
    }

    /** The credential is a bearer, never a cookie, so any origin may publish. */
    private static void cors(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> context.response().headers()
                .set("Access-Control-Allow-Origin", "*")
                .set("Access-Control-Allow-Methods", "POST, DELETE, PATCH, OPTIONS")
                .set("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match")
                .set("Access-Control-Expose-Headers", "Location, Link, ETag, Accept-Post, Accept-Patch, Allow, Retry-After, X-Correlation-Id")
                .set("Access-Control-Max-Age", "600"));
        context.next();
    }
}
