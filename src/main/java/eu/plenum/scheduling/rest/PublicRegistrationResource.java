package eu.plenum.scheduling.rest;

import eu.plenum.scheduling.RegistrationForm;
import eu.plenum.scheduling.Registrations;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public registration for integrations (e.g. a tenant's own landing page); no account needed. */
@Path("/api/public/webinars/{id}")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public registration")
public class PublicRegistrationResource {

    private final Registrations registrations;

    PublicRegistrationResource(Registrations registrations) {
        this.registrations = registrations;
    }

    @POST
    @Path("registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register for a webinar; the attendee confirms by the e-mailed link (double opt-in)")
    @APIResponse(responseCode = "429", description = "Too many registration requests from this client address")
    public Response register(@PathParam("id") UUID id, @Valid @NotNull RegistrationForm form, @Context HttpServerRequest request) {
        // Limited per client address across app nodes before it gets here (traffic.TrafficGate, class 'registration').
        registrations.register(id, form);
        // The same answer whether the address was new or known: nothing to learn about others.
        return Response.accepted(Map.of("status", "CHECK_YOUR_INBOX")).build();
    }
}
