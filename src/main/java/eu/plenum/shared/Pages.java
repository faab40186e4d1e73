package eu.plenum.shared;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Renders server-side pages in the visitor's language: their explicit choice (cookie set by the
 * language switch) first, then the browser's {@code Accept-Language}, then English.
 */
@RequestScoped
public class Pages {

    public static final String COOKIE = "plenum_lang";
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private final CurrentVertxRequest request;
    private Locale resolved;

    Pages(CurrentVertxRequest request) {
        this.request = request;
    }

    public Locale locale() {
        if (resolved == null) {
            resolved = resolve(request.getCurrent());
        }
        return resolved;
    }

    /**
     * Renders the page in the visitor's language, on the calling (worker) thread, so that templates
     * may read request-scoped beans such as the signed-in viewer.
     */
    public String render(TemplateInstance page) {
        Locale locale = locale();
        return page.setLocale(locale).data("lang", locale.getLanguage()).render();
    }

    /** Cookie the page script sets to the browser's IANA time zone, so times show in the viewer's zone. */
    public static final String ZONE_COOKIE = "plenum_tz";

    /** The viewer's time zone when the browser told us, else the given fallback (usually the webinar's zone). */
    public ZoneId zoneOr(ZoneId fallback) {
        RoutingContext context = request.getCurrent();
        Cookie cookie = context == null ? null : context.request().getCookie(ZONE_COOKIE);
        if (cookie != null && ZoneId.getAvailableZoneIds().contains(cookie.getValue())) {
            return ZoneId.of(cookie.getValue());
        }
        return fallback;
    }

    /**
     * Whether the client asked for HTML by name (a browser): only then does a refused form come back as the
     * page with its errors; any other client gets the problem+json 4xx, as ProblemMappers decides.
     */
    public static boolean wantsPage(jakarta.ws.rs.core.HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> !type.isWildcardType() && type.isCompatible(jakarta.ws.rs.core.MediaType.TEXT_HTML_TYPE));
    }

    public static boolean isSupported(String language) {
        return SUPPORTED.stream().anyMatch(locale -> locale.getLanguage().equals(language));
    }

    private static Locale resolve(RoutingContext context) {
        if (context == null) {
            return Locale.ENGLISH;
        }
        Cookie chosen = context.request().getCookie(COOKIE);
        if (chosen != null && isSupported(chosen.getValue())) {
            return Locale.forLanguageTag(chosen.getValue());
        }
        for (LanguageHeader accepted : context.acceptableLanguages()) {
            if (isSupported(accepted.tag())) {
                return Locale.forLanguageTag(accepted.tag());
            }
        }
        return Locale.ENGLISH;
    }
}
