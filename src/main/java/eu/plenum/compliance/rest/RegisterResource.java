package eu.plenum.compliance.rest;

import eu.plenum.compliance.OfficerScope;
import eu.plenum.compliance.register.ProcessingRecord;
import eu.plenum.compliance.register.ProcessingRegister;
import eu.plenum.compliance.register.RegisterCsv;
import eu.plenum.compliance.register.RegisterTexts;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TenantDirectory;
import eu.plenum.identity.TenantRef;
import eu.plenum.shared.AccessRefusedException;
import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Art. 30 register, generated on request, as JSON, CSV or a readable HTML document in English or
 * German: a tenant's record (Art. 30(2)) for its officer, the operator's own (Art. 30(1)) and the whole
 * register for the platform's officers. Each download is audited as {@code register.downloaded}.
 */
@Path("/api/compliance/register")
@RolesAllowed({PlenumRoles.ADMIN, PlenumRoles.COMPLIANCE, PlenumRoles.PLATFORM_COMPLIANCE})
@Tag(name = "Compliance")
@SecurityRequirement(name = "SecurityScheme")
public class RegisterResource {

    @CheckedTemplate(basePath = "compliance")
    static class Templates {
        static native TemplateInstance registerDocument(List<ProcessingRecord> records, RegisterTexts t, String generated);
    }

    private static final String TEXT_CSV = "text/csv; charset=UTF-8";

    private final ProcessingRegister register;
    private final TenantDirectory tenants;
    private final OfficerScope scope;
    private final RetentionLimits limits;
    private final AuditTrail audit;
    private final Clock clock;

    RegisterResource(ProcessingRegister register, TenantDirectory tenants, OfficerScope scope, RetentionLimits limits,
            AuditTrail audit, Clock clock) {
        this.register = register;
        this.tenants = tenants;
        this.scope = scope;
        this.limits = limits;
        this.audit = audit;
        this.clock = clock;
    }

    @GET
    @Path("tenants/{tenant}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's record of processing (Art. 30(2)) as JSON")
    public ProcessingRecord tenantRecord(@PathParam("tenant") String tenant,
            @QueryParam("lang") @DefaultValue("en") @Pattern(regexp = "en|de") String lang) {
        return tenantRecords(tenant, lang).get(0);
    }

    @GET
    @Path("tenants/{tenant}/csv")
    @Produces(TEXT_CSV)
    @Operation(summary = "The tenant's record of processing (Art. 30(2)) as CSV, in English or German")
    public Response tenantCsv(@PathParam("tenant") String tenant,
            @QueryParam("lang") @DefaultValue("en") @Pattern(regexp = "en|de") String lang) {
        return csv(tenantRecords(tenant, lang), lang, "register-" + tenant);
    }

    @GET
    @Path("tenants/{tenant}/html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The tenant's record of processing (Art. 30(2)) as a readable HTML document, in English or German")
    public Response tenantHtml(@PathParam("tenant") String tenant,
            @QueryParam("lang") @DefaultValue("en") @Pattern(regexp = "en|de") String lang) {
        return html(tenantRecords(tenant, lang), lang, "register-" + tenant);
    }

    @GET
    @Path("all/csv")
    @Produces(TEXT_CSV)
    @Operation(summary = "The whole register (the operator's own record and one per tenant) as CSV; platform officers only")
    public Response allCsv(@QueryParam("lang") @DefaultValue("en") @Pattern(regexp = "en|de") String lang) {
        return csv(everything(lang), lang, "register");
    }

    @GET
    @Path("all/html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The whole register as a readable HTML document; platform officers only")
    public Response allHtml(@QueryParam("lang") @DefaultValue("en") @Pattern(regexp = "en|de") String lang) {
        return html(everything(lang), lang, "register");
    }

    private List<ProcessingRecord> tenantRecords(String tenantId, String lang) {
        limits.take(scope.actor());
        scope.requireTenant(tenantId);
        TenantRef tenant = tenants.get(tenantId);
        ProcessingRecord record = register.forTenant(tenant, RegisterTexts.of(Locale.forLanguageTag(lang)));
        audited(tenantId, "tenant:" + tenantId, lang);
        return List.of(record);
    }

    private List<ProcessingRecord> everything(String lang) {
        limits.take(scope.actor());
        if (!scope.seesEveryTenant()) {
            throw new AccessRefusedException("platform-only", "Only a platform compliance officer may read the operator's and every tenant's records.");
        }
        RegisterTexts texts = RegisterTexts.of(Locale.forLanguageTag(lang));
        List<ProcessingRecord> records = new ArrayList<>();
        records.add(register.forOperator(texts));
        tenants.all().forEach(tenant -> records.add(register.forTenant(tenant, texts)));
        audited(null, "register:all", lang);
        return records;
    }

    private void audited(String tenantId, String target, String lang) {
        QuarkusTransaction.joiningExisting().run(() -> audit.record(AuditEntry.of("register.downloaded", scope.actor(), tenantId)
                .on(target).with(Map.of("lang", lang))));
    }

    private static Response csv(List<ProcessingRecord> records, String lang, String name) {
        return Response.ok(RegisterCsv.of(records, RegisterTexts.of(Locale.forLanguageTag(lang))), TEXT_CSV)
                .header("Content-Disposition", "attachment; filename=\"" + name + "-" + lang + ".csv\"").build();
    }

    private Response html(List<ProcessingRecord> records, String lang, String name) {
        String page = Templates.registerDocument(records, RegisterTexts.of(Locale.forLanguageTag(lang)), clock.instant().toString())
                .render();
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "inline; filename=\"" + name + "-" + lang + ".html\"").build();
    }
}
