package eu.plenum.identity.rest;

import eu.plenum.shared.Audited;
import eu.plenum.shared.FreeText;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TenantDirectory;
import eu.plenum.identity.TenantHomeRegionMigration;
import eu.plenum.identity.TenantOnboarding;
import eu.plenum.identity.TenantOnboarding.NewTenant;
import eu.plenum.identity.TenantRef;
import eu.plenum.identity.TenantSuspensions;
import eu.plenum.residency.TenantRegionAllowances;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

/** Tenant register for operators. */
@Path("/api/admin/tenants")
@RolesAllowed(PlenumRoles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: tenants")
@SecurityRequirement(name = "SecurityScheme")
public class TenantAdminResource {

    /** What a tenant id may be (as at registration): anything else is a 400 before it reaches a varchar(63) column. */
    static final String TENANT_ID = "[a-z0-9][a-z0-9-]{1,62}";

    private final TenantDirectory directory;
    private final TenantOnboarding onboarding;
    private final TenantHomeRegionMigration migration;
    private final TenantRegionAllowances allowances;
    private final SecurityIdentity caller;
    private final TenantSuspensions suspensions;

    TenantAdminResource(TenantDirectory directory, TenantOnboarding onboarding, TenantHomeRegionMigration migration,
            TenantRegionAllowances allowances, SecurityIdentity caller, TenantSuspensions suspensions) {
        this.suspensions = suspensions;
        this.directory = directory;
        this.onboarding = onboarding;
        this.migration = migration;
        this.allowances = allowances;
        this.caller = caller;
    }

    /** Request to register a tenant. */
    public record TenantRequest(
            @NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$",
                    message = "2 to 63 lower-case letters, digits and dashes, starting with a letter or digit") String id,
            @NotBlank @Size(max = 200) @FreeText String name,
            @NotNull @Pattern(regexp = "^[a-z]{2}-[a-z0-9-]{2,28}$", message = "a region code such as eu-fra")
            String homeRegionCode,
            @Size(max = 300) @FreeText String adequacyLegalBasis) {
    }

    /** Request to move a tenant's home region (the explicit, logged migration procedure). */
    public record HomeRegionMigrationRequest(
            @NotNull @Pattern(regexp = "^[a-z]{2}-[a-z0-9-]{2,28}$", message = "a region code such as eu-waw")
            String targetRegionCode,
            @NotBlank @Size(max = 150) @FreeText String reason,
            @Size(max = 300) @FreeText String adequacyLegalBasis) {
    }

    /** Request to allow one adequate region for a tenant's personal data. */
    public record AllowanceRequest(@NotBlank @Size(max = 300) @FreeText String legalBasis) {
    }

    /** Request to suspend a tenant, with a reason from a fixed list (no free text: it goes into the audit log). */
    public record SuspensionRequest(
            @NotNull @Pattern(regexp = "^(payment|contract-ended|abuse|security|other)$",
                    message = "one of payment, contract-ended, abuse, security, other") String reason) {
    }

    /**
     * A tenant in the register.
     *
     * @param status {@code ACTIVE} or {@code SUSPENDED}
     */
    public record TenantResponse(String id, String name, String homeRegionCode, String status, String suspensionReason) {
        static TenantResponse of(TenantRef tenant) {
            return new TenantResponse(tenant.id(), tenant.name(), tenant.homeRegionCode(),
                    tenant.suspended() ? "SUSPENDED" : "ACTIVE", tenant.suspensionReason());
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
    public TenantResponse get(@PathParam("id") @Pattern(regexp = TENANT_ID) String id) {
        return TenantResponse.of(directory.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a tenant with its home region (audited as tenant.created)")
    public Response register(@Valid @NotNull TenantRequest request) {
        TenantRef tenant = onboarding.registerByOperator(new NewTenant(request.id(), request.name(), request.homeRegionCode(),
                request.adequacyLegalBasis(), caller.getPrincipal().getName()));
        return Response.created(URI.create("/api/admin/tenants/" + tenant.id())).entity(TenantResponse.of(tenant)).build();
    }

    @POST
    @Path("{id}/home-region-migrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a tenant's home region: explicit, reasoned, checked by the transfer guard and logged")
    @Audited(value = "config.changed", tenantParam = "id", what = "tenant-home-region-migrated")
    public TenantResponse migrateHomeRegion(@PathParam("id") @Pattern(regexp = TENANT_ID) String id,
                                            @Valid @NotNull HomeRegionMigrationRequest request) {
        return TenantResponse.of(migration.migrate(new TenantHomeRegionMigration.Request(id, request.targetRegionCode(),
                request.reason(), request.adequacyLegalBasis(), caller.getPrincipal().getName())));
    }

    @PUT
    @Path("{id}/suspension")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suspend a tenant: its people and attendees are refused from the next request on; nothing is deleted")
    public TenantResponse suspend(@PathParam("id") @Pattern(regexp = TENANT_ID) String id, @Valid @NotNull SuspensionRequest request) {
        return TenantResponse.of(suspensions.suspend(id, request.reason()));
    }

    @DELETE
    @Path("{id}/suspension")
    @Operation(summary = "Reactivate a suspended tenant: everything is as it was")
    public TenantResponse reactivate(@PathParam("id") @Pattern(regexp = TENANT_ID) String id) {
        return TenantResponse.of(suspensions.reactivate(id));
    }

    @GET
    @Path("{id}/region-allowances")
    @Operation(summary = "Adequate regions allowed for this tenant's personal data, with their legal basis")
    public List<TenantRegionAllowances.Allowance> allowances(@PathParam("id") @Pattern(regexp = TENANT_ID) String id) {
        return allowances.forTenant(directory.get(id).id());
    }

    @PUT
    @Path("{id}/region-allowances/{region}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Allow one adequate region for this tenant's personal data, stating the legal basis")
    @Audited(value = "config.changed", tenantParam = "id", what = "tenant-region-allowed")
    public TenantRegionAllowances.Allowance allow(@PathParam("id") @Pattern(regexp = TENANT_ID) String id, @PathParam("region") String region,
            @Valid @NotNull AllowanceRequest request) {
        return allowances.grant(directory.get(id).id(), region, request.legalBasis(), caller.getPrincipal().getName());
    }
}
