package eu.plenum.compliance.web;

import eu.plenum.compliance.SelfServiceRequests;
import eu.plenum.compliance.SubjectRequestKind;
import eu.plenum.shared.InvalidInputException;
import eu.plenum.shared.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The public self-service page for data subjects (no account): ask for access or erasure, then
 * confirm from the mailed link with a button (a GET of the link changes nothing). The answer to an
 * ask is the same whether or not the address is known.
 */
@Path("/privacy/requests")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PrivacyRequestPages {

    @CheckedTemplate(basePath = "compliance")
    static class Templates {
        static native TemplateInstance privacyAsk(Map<String, String> values, Map<String, String> errors);

        static native TemplateInstance privacyAsked();

        static native TemplateInstance privacyConfirm(String token, String kind);

        static native TemplateInstance privacyConfirmed();
    }

    private final SelfServiceRequests selfService;
    private final Pages pages;

    PrivacyRequestPages(SelfServiceRequests selfService, Pages pages) {
        this.selfService = selfService;
        this.pages = pages;
    }

    @GET
    public String form() {
        return pages.render(Templates.privacyAsk(Map.of(), Map.of()));
    }

    /** A browser gets the form again with its errors; any other client a problem+json 4xx. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    public Response ask(MultivaluedMap<String, String> posted, @Context HttpServerRequest request, @Context HttpHeaders headers) {
        String email = posted.getFirst("email");
        String kind = posted.getFirst("kind");
        // Limited per client address across app nodes before it gets here (traffic.TrafficGate, class 'self-service').
        Optional<SubjectRequestKind> parsed = SubjectRequestKind.parse(kind);
        Map<String, String> values = Map.of("email", email == null ? "" : email, "kind", kind == null ? "" : kind);
        try {
            if (parsed.isEmpty()) {
                throw new InvalidInputException("The kind is ACCESS or ERASURE.",
                        java.util.List.of(new eu.plenum.shared.PlenumException.FieldError("kind", "Choose access or erasure.")));
            }
            selfService.ask(email, parsed.get());
        } catch (InvalidInputException invalid) {
            if (!Pages.wantsPage(headers)) {
                throw invalid;
            }
            Map<String, String> errors = new java.util.HashMap<>();
            invalid.fieldErrors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
            return invalid(values, errors);
        }
        return Response.seeOther(URI.create("/privacy/requests/sent")).build();
    }

    @GET
    @Path("sent")
    public String sent() {
        return pages.render(Templates.privacyAsked());
    }

    /** Only shows the button: mail scanners and link previews open links, and must not pass a request on. */
    @GET
    @Path("confirm/{token}")
    public String confirmPage(@PathParam("token") String token) {
        SelfServiceRequests.Pending pending = selfService.pending(token);
        if (pending.alreadyConfirmed()) {
            return pages.render(Templates.privacyConfirmed());
        }
        return pages.render(Templates.privacyConfirm(token, pending.kind().name()));
    }

    @POST
    @Path("confirm/{token}")
    public String confirm(@PathParam("token") String token) {
        selfService.confirm(token);
        return pages.render(Templates.privacyConfirmed());
    }

    private Response invalid(Map<String, String> values, Map<String, String> errors) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(pages.render(Templates.privacyAsk(values, errors))).build();
    }
}
