package eu.plenum.compliance.rest;

import eu.plenum.compliance.SubjectRequestKind;
import eu.plenum.compliance.SubjectRequestView;
import eu.plenum.compliance.SubjectRequests;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.shared.InvalidInputException;
import eu.plenum.shared.PlenumException.FieldError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The officer's queue of data-subject requests (access and erasure), limited to the officer's tenants. */
@Path("/api/compliance/requests")
@RolesAllowed({PlenumRoles.COMPLIANCE, PlenumRoles.PLATFORM_COMPLIANCE, PlenumRoles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
@SecurityRequirement(name = "SecurityScheme")
public class SubjectRequestResource {

    private final SubjectRequests requests;

    SubjectRequestResource(SubjectRequests requests) {
        this.requests = requests;
    }

    /** What an officer types: the tenant, the person's address, and ACCESS or ERASURE. */
    public record OpenRequest(String tenantId, String email, String kind) {
    }

    @GET
    @Operation(summary = "The newest requests of the officer's tenants (a tenant's officer: their own tenant only)")
    public List<SubjectRequestView> queue(@QueryParam("tenant") String tenant,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
        return requests.queue(Optional.ofNullable(tenant).filter(value -> !value.isBlank()), limit);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One request with its export's progress")
    public SubjectRequestView get(@PathParam("id") UUID id) {
        return requests.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Opens a request for an address; an access request's export starts at once")
    public Response open(OpenRequest body) {
        if (body == null || body.tenantId() == null || body.tenantId().isBlank()) {
            throw new InvalidInputException("A tenant is required.", List.of(new FieldError("tenantId", "Choose the tenant.")));
        }
        SubjectRequestKind kind = SubjectRequestKind.parse(body.kind()).orElseThrow(() -> new InvalidInputException(
                "The kind is ACCESS or ERASURE.", List.of(new FieldError("kind", "ACCESS or ERASURE"))));
        SubjectRequestView opened = requests.open(body.tenantId().strip(), body.email(), kind);
        return Response.created(URI.create("/api/compliance/requests/" + opened.id())).entity(opened).build();
    }

    @POST
    @Path("{id}/export")
    @Operation(summary = "Starts (or retries) the Art. 15 export of an access request; 202, then poll the request for progress")
    public Response export(@PathParam("id") UUID id) {
        return Response.accepted(requests.runExport(id)).build();
    }
}
