package eu.plenum.compliance.rest;

import eu.plenum.compliance.OfficerScope;
import eu.plenum.compliance.register.ProcessingRecord;
import eu.plenum.compliance.register.RegisterDownloads;
import eu.plenum.identity.PlenumRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Art. 30 register, generated on request, as JSON, CSV or a readable HTML document in English or
 * German: a tenant's record (Art. 30(2)) for its officer, the operator's own (Art. 30(1)) with every
 * tenant's for the platform's officers. Each download is audited as {@code register.downloaded}.
 */
@Path("/api/compliance/register")
@RolesAllowed({PlenumRoles.ADMIN, PlenumRoles.COMPLIANCE, PlenumRoles.PLATFORM_COMPLIANCE})
@Tag(name = "Compliance")
@SecurityRequirement(name = "SecurityScheme")
public class RegisterResource {

    private final RegisterDownloads downloads;
    private final OfficerScope scope;
    private final RetentionLimits limits;

    RegisterResource(RegisterDownloads downloads, OfficerScope scope, RetentionLimits limits) {
        this.downloads = downloads;
        this.scope = scope;
        this.limits = limits;
    }

    @GET
    @Path("tenants/{tenant}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's record of processing (Art. 30(2)) as JSON")
    public ProcessingRecord tenantRecord(@PathParam("tenant") String tenant,
            @QueryParam("lang") @DefaultValue("en") @Pattern(regexp = "en|de") String lang) {
        limits.take(scope.actor());
        return downloads.tenant(tenant, lang, scope).get(0);
    }

    @GET
    @Path("tenants/{tenant}/csv")
    @Produces(RegisterDownloads.TEXT_CSV)
    @Operation(summary = "The tenant's record of processing (Art. 30(2)) as CSV, in English or German")
    public Response tenantCsv(@PathParam("tenant") String tenant,
            @QueryParam("lang") @DefaultValue("en") @Pattern(regexp = "en|de") String lang) {
        limits.take(scope.actor());
        return downloads.csv(downloads.tenant(tenant, lang, scope), lang, "register-" + tenant);
    }

    @GET
    @Path("tenants/{tenant}/html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The tenant's record of processing (Art. 30(2)) as a readable HTML document, in English or German")
    public Response tenantHtml(@PathParam("tenant") String tenant,
            @QueryParam("lang") @DefaultValue("en") @Pattern(regexp = "en|de") String lang) {
        limits.take(scope.actor());
        return downloads.html(downloads.tenant(tenant, lang, scope), lang, "register-" + tenant);
    }

    @GET
    @Path("all/csv")
    @Produces(RegisterDownloads.TEXT_CSV)
    @Operation(summary = "The whole register (the operator's own record and one per tenant) as CSV; platform officers only")
    public Response allCsv(@QueryParam("lang") @DefaultValue("en") @Pattern(regexp = "en|de") String lang) {
        limits.take(scope.actor());
        return downloads.csv(downloads.everything(lang, scope), lang, "register");
    }

    @GET
    @Path("all/html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The whole register as a readable HTML document; platform officers only")
    public Response allHtml(@QueryParam("lang") @DefaultValue("en") @Pattern(regexp = "en|de") String lang) {
        limits.take(scope.actor());
        return downloads.html(downloads.everything(lang, scope), lang, "register");
    }
}
