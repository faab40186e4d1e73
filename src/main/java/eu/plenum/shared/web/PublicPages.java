package eu.plenum.shared.web;

import eu.plenum.shared.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The public landing page and the language switch; reachable without signing in. */
@Path("/")
@PermitAll
public class PublicPages {

    private static final int ONE_YEAR = 365 * 24 * 3600;

    @CheckedTemplate(basePath = "public")
    static class Templates {
        static native TemplateInstance home();
    }

    private final Pages pages;

    PublicPages(Pages pages) {
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String home() {
        return pages.render(Templates.home());
    }

    /** Remembers the chosen language and goes back to the page the visitor came from (same site only). */
    @GET
    @Path("lang/{language}")
    public Response switchLanguage(@PathParam("language") String language, @HeaderParam("Referer") String referer) {
        Response.ResponseBuilder back = Response.seeOther(URI.create(sameSitePath(referer)));
        if (!Pages.isSupported(language)) {
            return back.build();
        }
        NewCookie cookie = new NewCookie.Builder(Pages.COOKIE).value(language).path("/").maxAge(ONE_YEAR)
                .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return back.cookie(cookie).build();
    }

    /** Only the path of a referer is used, so the switch can never redirect to another site. */
    static String sameSitePath(String referer) {
        if (referer == null || referer.isBlank()) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
