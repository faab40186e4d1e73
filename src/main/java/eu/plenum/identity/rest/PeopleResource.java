package eu.plenum.identity.rest;

import eu.plenum.identity.Person;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TenantPeople;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The people of one tenant, for operators and for that tenant's administrator ({@code tenant-admin}); another
 * tenant's id answers 404. Every change is audited; Keycloak stays where people live.
 */
@Path("/api/tenants/{tenantId}/people")
@RolesAllowed({PlenumRoles.ADMIN, PlenumRoles.TENANT_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenant people")
@SecurityRequirement(name = "SecurityScheme")
public class PeopleResource {

    private final TenantPeople people;

    PeopleResource(TenantPeople people) {
        this.people = people;
    }

    /** Whom to invite; the tenant is the path's, never a field of the body. */
    public record InvitationRequest(@NotNull @Size(max = 254) String email, @NotNull @Size(max = 100) String firstName,
            @NotNull @Size(max = 100) String lastName, @Size(max = 32) String role) {
    }

    /** A person of the tenant, read from Keycloak. */
    public record PersonResponse(String id, String username, String email, String displayName, List<String> roles,
            boolean invitationPending, boolean enabled) {
        static PersonResponse of(Person person) {
            return new PersonResponse(person.id(), person.username(), person.email(), person.displayName(), person.roles(),
                    person.invitationPending(), person.enabled());
        }
    }

    @GET
    @Operation(summary = "The tenant's people and their Plenum roles")
    public List<PersonResponse> list(@PathParam("tenantId") @Pattern(regexp = TenantAdminResource.TENANT_ID) String tenantId) {
        return people.list(tenantId).stream().map(PersonResponse::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite a person by e-mail (Keycloak's own set-your-password mail); role host unless stated")
    public Response invite(@PathParam("tenantId") @Pattern(regexp = TenantAdminResource.TENANT_ID) String tenantId,
            @Valid @NotNull InvitationRequest request) {
        Person person = people.invite(tenantId, new TenantPeople.Invitation(request.email(), request.firstName(),
                request.lastName(), request.role()));
        return Response.created(URI.create("/api/tenants/" + tenantId + "/people/" + person.id()))
                .entity(PersonResponse.of(person)).build();
    }

    @PUT
    @Path("{userId}/roles/{role}")
    @Operation(summary = "Give a person of the tenant a role (tenant administrators: host only)")
    public PersonResponse grant(@PathParam("tenantId") @Pattern(regexp = TenantAdminResource.TENANT_ID) String tenantId,
            @PathParam("userId") String userId, @PathParam("role") String role) {
        return PersonResponse.of(people.grant(tenantId, userId, role));
    }

    @DELETE
    @Path("{userId}/roles/{role}")
    @Operation(summary = "Take a role from a person of the tenant; their sessions end")
    public PersonResponse revoke(@PathParam("tenantId") @Pattern(regexp = TenantAdminResource.TENANT_ID) String tenantId,
            @PathParam("userId") String userId, @PathParam("role") String role) {
        return PersonResponse.of(people.revoke(tenantId, userId, role));
    }

    @DELETE
    @Path("{userId}")
    @Operation(summary = "Remove a person from the tenant (their account); their webinars stay with the tenant")
    public Response remove(@PathParam("tenantId") @Pattern(regexp = TenantAdminResource.TENANT_ID) String tenantId,
            @PathParam("userId") String userId) {
        people.remove(tenantId, userId);
        return Response.noContent().build();
    }
}
