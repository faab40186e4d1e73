package eu.plenum.webhooks.rest;

import eu.plenum.shared.Audited;
import eu.plenum.shared.FreeText;
import eu.plenum.identity.CurrentHost;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.webhooks.WebhookDelivery;
import eu.plenum.webhooks.WebhookEndpoints;
import eu.plenum.webhooks.WebhookPing;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A host's webhook endpoints; deliveries pass the residency transfer guard (451 when refused). */
@Path("/api/webhooks")
@RolesAllowed(PlenumRoles.HOST)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@SecurityRequirement(name = "SecurityScheme")
public class WebhookResource {

    private final WebhookEndpoints endpoints;
    private final WebhookPing ping;
    private final CurrentHost host;

    WebhookResource(WebhookEndpoints endpoints, WebhookPing ping, CurrentHost host) {
        this.endpoints = endpoints;
        this.ping = ping;
        this.host = host;
    }

    /** Request to register an endpoint; regionCode is where the receiver runs (catalogue code). */
    public record EndpointRequest(
            @NotBlank @Size(max = 2000) String url,
            @NotBlank @Size(max = 32) String regionCode,
            @Size(max = 200) @FreeText String description,
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> events) {
    }

    /** The event types an endpoint receives (see {@code WebhookEventType}); empty: none. */
    public record Subscription(@NotNull @Size(max = 20) List<@NotBlank @Size(max = 40) String> events) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a webhook endpoint, the region it runs in and the event types it receives "
            + "(registration.created, registration.confirmed, registration.cancelled, session.live, session.ended, recording.ready, "
            + "attendance.ready); the signing secret (whsec_…) is shown once")
    @Audited(value = "config.changed", what = "webhook-endpoint-created")
    public Response register(@Valid @NotNull EndpointRequest request) {
        host.tenant();
        WebhookEndpoints.Endpoint created = endpoints.register(parse(request.url()), request.regionCode(), request.description(),
                request.events());
        return Response.created(URI.create("/api/webhooks/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "Your organisation's webhook endpoints")
    public List<WebhookEndpoints.Endpoint> list() {
        return endpoints.list();
    }

    @PUT
    @Path("{id}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the event types the endpoint receives")
    @Audited(value = "config.changed", what = "webhook-endpoint-events")
    public WebhookEndpoints.Endpoint subscribe(@PathParam("id") UUID id, @Valid @NotNull Subscription subscription) {
        return endpoints.subscribe(id, subscription.events());
    }

    @POST
    @Path("{id}/secret-rotations")
    @Operation(summary = "A new signing secret, shown once; the previous one keeps signing (a second v1=) for 24 hours")
    @Audited(value = "config.changed", what = "webhook-endpoint-secret-rotated")
    public WebhookEndpoints.Endpoint rotate(@PathParam("id") UUID id) {
        return endpoints.rotateSecret(id);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The endpoint's deliveries, newest first: PENDING, SENDING, DELIVERED, DEAD (retries used up) or "
            + "REFUSED (the residency policy forbids the receiver's region)")
    public List<WebhookEndpoints.Delivery> deliveries(@PathParam("id") UUID id, @QueryParam("limit") @DefaultValue("100") int limit) {
        return endpoints.deliveries(id, limit);
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redelivery")
    @Operation(summary = "Queue a dead or refused delivery again, with the same delivery id")
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        endpoints.redeliver(id, deliveryId);
        return Response.accepted().build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a webhook endpoint")
    @Audited(value = "config.changed", what = "webhook-endpoint-deleted")
    public Response remove(@PathParam("id") UUID id) {
        endpoints.remove(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/ping")
    @Operation(summary = "Send a test event; 451 when the residency policy forbids the destination")
    public WebhookDelivery.Outcome ping(@PathParam("id") UUID id) {
        return ping.send(id);
    }

    private static URI parse(String url) {
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw eu.plenum.shared.InvalidInputException.of("url", "is not a valid URL");
        }
    }
}
