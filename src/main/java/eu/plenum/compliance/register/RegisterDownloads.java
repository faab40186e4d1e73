package eu.plenum.compliance.register;

import eu.plenum.compliance.OfficerScope;
import eu.plenum.identity.TenantDirectory;
import eu.plenum.identity.TenantRef;
import eu.plenum.shared.AccessRefusedException;
import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The register's downloads for the API and the console alike (a browser's session cookie does not
 * reach {@code /api}): who may have which records, the CSV and HTML answers, and the audit entry of
 * each download ({@code register.downloaded}).
 */
@ApplicationScoped
public class RegisterDownloads {

    @CheckedTemplate(basePath = "compliance")
    static class Templates {
        static native TemplateInstance registerDocument(List<ProcessingRecord> records, RegisterTexts t, String generated);
    }

    public static final String TEXT_CSV = "text/csv; charset=UTF-8";

    private final ProcessingRegister register;
    private final TenantDirectory tenants;
    private final AuditTrail audit;
    private final Clock clock;

    RegisterDownloads(ProcessingRegister register, TenantDirectory tenants, AuditTrail audit, Clock clock) {
        this.register = register;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /** The tenant's Art. 30(2) record, if the officer may see the tenant (403 otherwise). */
    public List<ProcessingRecord> tenant(String tenantId, String lang, OfficerScope scope) {
        scope.requireTenant(tenantId);
        TenantRef tenant = tenants.get(tenantId);
        ProcessingRecord record = register.forTenant(tenant, texts(lang));
        audited(scope.actor(), tenantId, "tenant:" + tenantId, lang);
        return List.of(record);
    }

    /** The operator's Art. 30(1) record and every tenant's; platform officers only. */
    public List<ProcessingRecord> everything(String lang, OfficerScope scope) {
        if (!scope.seesEveryTenant()) {
            throw new AccessRefusedException("platform-only", "Only a platform compliance officer may read the operator's and every tenant's records.");
        }
        RegisterTexts texts = texts(lang);
        List<ProcessingRecord> records = new ArrayList<>();
        records.add(register.forOperator(texts));
        tenants.all().forEach(tenant -> records.add(register.forTenant(tenant, texts)));
        audited(scope.actor(), null, "register:all", lang);
        return records;
    }

    public Response csv(List<ProcessingRecord> records, String lang, String name) {
        return Response.ok(RegisterCsv.of(records, texts(lang)), TEXT_CSV)
                .header("Content-Disposition", "attachment; filename=\"" + name + "-" + lang + ".csv\"").build();
    }

    public Response html(List<ProcessingRecord> records, String lang, String name) {
        String page = Templates.registerDocument(records, texts(lang), clock.instant().toString()).render();
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "inline; filename=\"" + name + "-" + lang + ".html\"").build();
    }

    private void audited(String actor, String tenantId, String target, String lang) {
        QuarkusTransaction.joiningExisting().run(() -> audit.record(AuditEntry.of("register.downloaded", actor, tenantId)
                .on(target).with(Map.of("lang", lang))));
    }

    private static RegisterTexts texts(String lang) {
        return RegisterTexts.of(Locale.forLanguageTag(lang));
    }
}
