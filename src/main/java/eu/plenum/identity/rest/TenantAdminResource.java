package eu.plenum.identity.rest;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TenantDirectory;
import eu.plenum.identity.TenantOnboarding;
import eu.plenum.identity.TenantOnboarding.NewTenant;
import eu.plenum.identity.TenantRef;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** Tenant register for operators. */
@Path("/api/admin/tenants")
@RolesAllowed(PlenumRoles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: tenants")
@SecurityRequirement(name = "SecurityScheme")
public class TenantAdminResource {

    private final TenantDirectory directory;
    private final TenantOnboarding onboarding;

    TenantAdminResource(TenantDirectory directory, TenantOnboarding onboarding) {
        this.directory = directory;
        this.onboarding = onboarding;
    }

    /** Request to register a tenant. */
    public record TenantRequest(
            @NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$",
                    message = "2 to 63 lower-case letters, digits and dashes, starting with a letter or digit") String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "^[a-z]{2}-[a-z0-9-]{2,28}$", message = "a region code such as eu-fra")
            String homeRegionCode) {
    }

    /** A tenant in the register. */
    public record TenantResponse(String id, String name, String homeRegionCode) {
        static TenantResponse of(TenantRef tenant) {
            return new TenantResponse(tenant.id(), tenant.name(), tenant.homeRegionCode());
        }
    }

    @GET
    @Operation(summary = "List all tenants")
    public List<TenantResponse> list() {
        return directory.all().stream().map(TenantResponse::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One tenant")
    public TenantResponse get(@PathParam("id") String id) {
        return TenantResponse.of(directory.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a tenant with its home region")
    public Response register(@Valid @NotNull TenantRequest request) {
        TenantRef tenant = onboarding.register(new NewTenant(request.id(), request.name(), request.homeRegionCode()));
        return Response.created(URI.create("/api/admin/tenants/" + tenant.id())).entity(TenantResponse.of(tenant)).build();
    }
}
