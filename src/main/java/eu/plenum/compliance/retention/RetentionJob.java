package eu.plenum.compliance.retention;

import eu.plenum.identity.TenantDirectory;
import eu.plenum.identity.TenantRef;
import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import eu.plenum.shared.RetainedData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Removes what the retention rules say is due, on every app node at once: each category removes in
 * small batches of its own transaction under {@code FOR UPDATE SKIP LOCKED}, so two nodes never remove
 * one item twice and a failed batch costs only itself. Each run is stored, logged (counts per tenant and
 * category, never a person) and audited as {@code retention.run}.
 */
@ApplicationScoped
public class RetentionJob {

    /** The tenant key of rows that belong to no tenant (platform mail, platform transfers). */
    public static final String NO_TENANT = "";
    static final String ACTOR = "system:retention";
    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final Instance<RetainedData> retained;
    private final RetentionRules rules;
    private final RetentionRuns runs;
    private final TenantDirectory tenants;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean appNode;
    private final String nodeId;
    private final int batch;

    RetentionJob(@Any Instance<RetainedData> retained, RetentionRules rules, RetentionRuns runs, TenantDirectory tenants,
            AuditTrail audit, Clock clock, NodeConfig node,
            @ConfigProperty(name = "plenum.node-id", defaultValue = "local") String nodeId,
            @ConfigProperty(name = "plenum.compliance.retention.batch-size", defaultValue = "200") int batch) {
        this.retained = retained;
        this.rules = rules;
        this.runs = runs;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
        this.appNode = node.plays(NodeRole.APP);
        this.nodeId = nodeId;
        this.batch = Math.max(1, batch);
    }

    @Scheduled(every = "${plenum.compliance.retention.every:1h}", delayed = "${plenum.compliance.retention.first-after:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        if (appNode) {
            try {
                run();
            } catch (RuntimeException e) {
                LOG.errorf("Retention run failed (%s); the next run retries", e.getClass().getSimpleName());
            }
        }
    }

    /** One run over every tenant and category, now by the clock; returns what it removed. */
    public RetentionRuns.Run run() {
        Instant started = clock.instant();
        Map<String, Integer> removed = new LinkedHashMap<>();
        for (String tenant : tenantKeys()) {
            for (RetainedData category : retained) {
                Optional<Integer> days = tenant.equals(NO_TENANT)
                        ? RetentionDefaults.of(category.category()) : rules.ruleOf(tenant, category.category());
                if (days.isEmpty()) {
                    continue;
                }
                Instant cutOff = started.minus(Duration.ofDays(days.get()));
                try {
                    int count = removeAll(category, tenant, cutOff);
                    if (count > 0) {
                        removed.put(tenant + "/" + category.category(), count);
                    }
                } catch (RuntimeException e) {
                    // One category failing (a lock timeout, a file system error) must not stop the others.
                    LOG.warnf("Retention of %s for tenant '%s' failed (%s); the next run retries", category.category(), tenant,
                            e.getClass().getSimpleName());
                }
            }
        }
        long total = removed.values().stream().mapToLong(Integer::longValue).sum();
        RetentionRuns.Run run = new RetentionRuns.Run(UUID.randomUUID(), nodeId, started, clock.instant(), total, removed);
        QuarkusTransaction.requiringNew().run(() -> {
            runs.store(run);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("node", nodeId);
            details.put("removed", Long.toString(total));
            removed.forEach((key, count) -> details.put(key, Integer.toString(count)));
            audit.record(AuditEntry.of("retention.run", ACTOR, null).on("retention-run:" + run.id()).with(details));
        });
        if (total > 0) {
            LOG.infof("Retention removed %d items: %s", total, removed);
        } else {
            LOG.debug("Retention found nothing due");
        }
        return run;
    }

    /** What would be removed for one tenant if the clock said {@code at}: the console's preview. */
    public Map<String, Long> due(String tenantId, Instant at) {
        Map<String, Long> due = new LinkedHashMap<>();
        for (RetainedData category : retained) {
            rules.ruleOf(tenantId, category.category()).ifPresent(days ->
                    due.put(category.category(), category.countDue(tenantId, at.minus(Duration.ofDays(days)))));
        }
        return due;
    }

    private int removeAll(RetainedData category, String tenant, Instant cutOff) {
        int total = 0;
        int removed;
        do {
            removed = QuarkusTransaction.requiringNew().call(() -> category.removeDue(tenant, cutOff, batch));
            total += removed;
        } while (removed == batch);
        return total;
    }

    private List<String> tenantKeys() {
        List<String> keys = new ArrayList<>(QuarkusTransaction.requiringNew()
                .call(() -> tenants.all().stream().map(TenantRef::id).toList()));
        keys.add(NO_TENANT);
        return keys;
    }
}
