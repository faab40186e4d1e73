package eu.plenum.compliance.rest;

import eu.plenum.compliance.OfficerScope;
import eu.plenum.compliance.retention.RetentionJob;
import eu.plenum.compliance.retention.RetentionRules;
import eu.plenum.compliance.retention.RetentionRuns;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TenantDirectory;
import eu.plenum.shared.AccessRefusedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Retention rules per tenant and category, what falls due next, and the job's runs: for a tenant's
 * data-protection officer (their tenant only) and the platform's officers (every tenant); hosts get 403.
 */
@Path("/api/compliance/retention")
@RolesAllowed({PlenumRoles.ADMIN, PlenumRoles.COMPLIANCE, PlenumRoles.PLATFORM_COMPLIANCE})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
@SecurityRequirement(name = "SecurityScheme")
public class RetentionResource {

    /** A rule change: days to keep, or null to keep until deleted. */
    public record RuleChange(@Min(0) @Max(36500) Integer keepDays) {
    }

    /** One category's rule as the API shows it; {@code keepDays} null: kept until deleted. */
    public record RuleView(String category, Integer keepDays, Integer defaultDays, boolean overridden, int floorDays,
            boolean enforced) {

        static RuleView of(RetentionRules.Rule rule) {
            return new RuleView(rule.category(), rule.days().orElse(null), rule.defaultDays().orElse(null), rule.overridden(),
                    rule.floorDays(), rule.enforced());
        }
    }

    /** Items due per category now and within the next seven days (those include today's). */
    public record Due(String tenantId, Instant at, Map<String, Long> dueNow, Map<String, Long> dueWithin7Days) {
    }

    private final RetentionRules rules;
    private final RetentionJob job;
    private final RetentionRuns runs;
    private final TenantDirectory tenants;
    private final OfficerScope scope;
    private final RetentionLimits limits;
    private final Clock clock;

    RetentionResource(RetentionRules rules, RetentionJob job, RetentionRuns runs, TenantDirectory tenants, OfficerScope scope,
            RetentionLimits limits, Clock clock) {
        this.rules = rules;
        this.job = job;
        this.runs = runs;
        this.tenants = tenants;
        this.scope = scope;
        this.limits = limits;
        this.clock = clock;
    }

    @GET
    @Path("tenants/{tenant}/rules")
    @Operation(summary = "The retention rule of every data category for one tenant (its own or the default)")
    public List<RuleView> rules(@PathParam("tenant") String tenant) {
        admit(tenant);
        return rules.of(tenant).stream().map(RuleView::of).toList();
    }

    @PUT
    @Path("tenants/{tenant}/rules/{category}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets one category's retention for the tenant (keepDays null: until deleted); audited as config.changed")
    public RuleView set(@PathParam("tenant") String tenant, @PathParam("category") String category,
            @Valid @NotNull RuleChange change) {
        admit(tenant);
        return RuleView.of(rules.set(tenant, category, Optional.ofNullable(change.keepDays()), scope.actor()));
    }

    @DELETE
    @Path("tenants/{tenant}/rules/{category}")
    @Operation(summary = "Drops the tenant's own rule of one category, so the default applies again; audited as config.changed")
    public RuleView reset(@PathParam("tenant") String tenant, @PathParam("category") String category) {
        admit(tenant);
        return RuleView.of(rules.reset(tenant, category, scope.actor()));
    }

    @GET
    @Path("tenants/{tenant}/due")
    @Operation(summary = "How many items of each category are due now and within the next 7 days")
    public Due due(@PathParam("tenant") String tenant) {
        admit(tenant);
        Instant now = clock.instant();
        return new Due(tenant, now, job.due(tenant, now), job.due(tenant, now.plus(Duration.ofDays(7))));
    }

    @GET
    @Path("runs")
    @Operation(summary = "The last retention run of each node; a tenant's officer sees only its tenant's counts")
    public List<RetentionRuns.Run> runs() {
        limits.take(scope.actor());
        return runs.lastPerNode(scope.seesEveryTenant() ? null : scope.ownTenant().orElse("-"));
    }

    @POST
    @Path("runs")
    @Operation(summary = "Runs retention now on this node (platform officers only); returns what it removed")
    public RetentionRuns.Run runNow() {
        limits.take(scope.actor());
        if (!scope.seesEveryTenant()) {
            throw new AccessRefusedException("platform-only", "Only a platform compliance officer may run retention for every tenant.");
        }
        return job.run();
    }

    private void admit(String tenant) {
        limits.take(scope.actor());
        scope.requireTenant(tenant);
        tenants.get(tenant);
    }
}
