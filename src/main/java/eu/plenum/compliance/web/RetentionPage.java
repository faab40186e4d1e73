package eu.plenum.compliance.web;

import eu.plenum.compliance.OfficerScope;
import eu.plenum.compliance.register.ProcessingRecord;
import eu.plenum.compliance.register.RegisterDownloads;
import eu.plenum.compliance.rest.RetentionLimits;
import eu.plenum.compliance.retention.RetentionJob;
import eu.plenum.compliance.retention.RetentionRules;
import eu.plenum.compliance.retention.RetentionRuns;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TenantDirectory;
import eu.plenum.identity.TenantRef;
import eu.plenum.shared.AccessRefusedException;
import eu.plenum.shared.InvalidInputException;
import eu.plenum.shared.NotFoundException;
import eu.plenum.shared.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The officer's view of retention for one tenant — each category's rule, how many items fall due now
 * and within a week, the last run of each node — and the Art. 30 register's downloads.
 */
@Path("/console/compliance/retention")
@RolesAllowed({PlenumRoles.ADMIN, PlenumRoles.COMPLIANCE, PlenumRoles.PLATFORM_COMPLIANCE})
public class RetentionPage {

    /** One row of the rules table. */
    public record Row(String category, Integer days, Integer defaultDays, boolean overridden, boolean enforced, Long dueNow,
            Long dueWeek) {

        static Row of(RetentionRules.Rule rule, Long dueNow, Long dueWeek) {
            return new Row(rule.category(), rule.days().orElse(null), rule.defaultDays().orElse(null), rule.overridden(),
                    rule.enforced(), dueNow, dueWeek);
        }
    }

    @CheckedTemplate(basePath = "compliance")
    static class Templates {
        static native TemplateInstance retention(List<TenantRef> tenants, TenantRef tenant, List<Row> rows,
                List<RetentionRuns.Run> runs, boolean platform);
    }

    private final TenantDirectory tenants;
    private final RetentionRules rules;
    private final RetentionJob job;
    private final RetentionRuns runs;
    private final OfficerScope scope;
    private final Pages pages;
    private final Clock clock;
    private final RegisterDownloads downloads;
    private final RetentionLimits limits;

    RetentionPage(TenantDirectory tenants, RetentionRules rules, RetentionJob job, RetentionRuns runs, OfficerScope scope,
            Pages pages, Clock clock, RegisterDownloads downloads, RetentionLimits limits) {
        this.downloads = downloads;
        this.limits = limits;
        this.tenants = tenants;
        this.rules = rules;
        this.job = job;
        this.runs = runs;
        this.scope = scope;
        this.pages = pages;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page(@QueryParam("tenant") String requested) {
        List<TenantRef> visible = tenants.all().stream().filter(tenant -> scope.mayAccess(tenant.id())).toList();
        String chosen = requested != null ? requested : visible.isEmpty() ? null : visible.get(0).id();
        if (chosen == null) {
            throw new AccessRefusedException("outside-compliance-scope", "This compliance account sees no tenant.");
        }
        scope.requireTenant(chosen);
        TenantRef tenant = tenants.get(chosen);
        Instant now = clock.instant();
        Map<String, Long> dueNow = job.due(tenant.id(), now);
        Map<String, Long> dueWeek = job.due(tenant.id(), now.plus(Duration.ofDays(7)));
        List<Row> rows = rules.of(tenant.id()).stream()
                .map(rule -> Row.of(rule, dueNow.get(rule.category()), dueWeek.get(rule.category()))).toList();
        return pages.render(Templates.retention(visible, tenant, rows, runs.lastPerNode(scope.seesEveryTenant() ? null : tenant.id()),
                scope.seesEveryTenant()));
    }

    /** The register's downloads for a signed-in browser (its session cookie does not reach {@code /api}). */
    @GET
    @Path("register/tenants/{tenant}/{format}")
    public Response tenantRegister(@PathParam("tenant") String tenant, @PathParam("format") String format,
            @QueryParam("lang") @DefaultValue("en") String lang) {
        String language = language(lang);
        limits.take(scope.actor());
        return answer(format, downloads.tenant(tenant, language, scope), language, "register-" + tenant);
    }

    @GET
    @Path("register/all/{format}")
    public Response wholeRegister(@PathParam("format") String format, @QueryParam("lang") @DefaultValue("en") String lang) {
        String language = language(lang);
        limits.take(scope.actor());
        return answer(format, downloads.everything(language, scope), language, "register");
    }

    private Response answer(String format, List<ProcessingRecord> records, String lang, String name) {
        return switch (format) {
            case "csv" -> downloads.csv(records, lang, name);
            case "html" -> downloads.html(records, lang, name);
            default -> throw new NotFoundException("There is no register format " + format + ".");
        };
    }

    private static String language(String lang) {
        if (!Pages.isSupported(lang)) {
            throw InvalidInputException.of("lang", "The register is available in en and de.");
        }
        return lang;
    }
}
