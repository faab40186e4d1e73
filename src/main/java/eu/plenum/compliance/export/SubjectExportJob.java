package eu.plenum.compliance.export;

import eu.plenum.compliance.SubjectRequestConfig;
import eu.plenum.compliance.domain.AuditEntriesAbout;
import eu.plenum.compliance.domain.SubjectRequestRepository;
import eu.plenum.compliance.domain.SubjectRequestRepository.ClaimedExport;
import eu.plenum.identity.TenantDirectory;
import eu.plenum.identity.TenantRef;
import eu.plenum.residency.DataLocationReport;
import eu.plenum.residency.DataLocationReports;
import eu.plenum.scheduling.Registrations;
import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import eu.plenum.shared.PersonalDataHolder;
import eu.plenum.shared.PersonalDataHolder.DataSubject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs queued Art. 15 exports, once each whichever app node gets there first: claim one request in a
 * short transaction ({@code FOR UPDATE SKIP LOCKED}, a claim id), then read each category in a short
 * read-only transaction of its own and write it to the ZIP outside any transaction, recording
 * progress (categories done of total) under the claim, then publish the file and record the outcome
 * with {@code export.completed} in the audit log. A node that dies mid-export leaves a stale claim
 * that another node takes over after {@code claim-timeout}. Logs name request ids, never addresses.
 */
@ApplicationScoped
public class SubjectExportJob {

    private static final Logger LOG = Logger.getLogger(SubjectExportJob.class);
    static final String ACTOR = "system:export";

    private final SubjectRequestRepository requests;
    private final Instance<PersonalDataHolder> holders;
    private final AuditEntriesAbout auditEntries;
    private final Registrations registrations;
    private final TenantDirectory tenants;
    private final DataLocationReports reports;
    private final AuditTrail audit;
    private final ExportFiles files;
    private final SubjectRequestConfig config;
    private final Clock clock;
    private final boolean appNode;

    /** The tenant's retention rules: the summary states the periods the retention job enforces. */
    private final eu.plenum.compliance.retention.RetentionRules retention;

    SubjectExportJob(SubjectRequestRepository requests, @Any Instance<PersonalDataHolder> holders, AuditEntriesAbout auditEntries,
            Registrations registrations, TenantDirectory tenants, DataLocationReports reports, AuditTrail audit, ExportFiles files,
            SubjectRequestConfig config, Clock clock, NodeConfig node, eu.plenum.compliance.retention.RetentionRules retention) {
        this.retention = retention;
        this.requests = requests;
        this.holders = holders;
        this.auditEntries = auditEntries;
        this.registrations = registrations;
        this.tenants = tenants;
        this.reports = reports;
        this.audit = audit;
        this.files = files;
        this.config = config;
        this.clock = clock;
        this.appNode = node.plays(NodeRole.APP);
    }

    @Scheduled(every = "${plenum.compliance.requests.exports.poll-every:2S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void runDue() {
        while (appNode && runOne()) {
            // next queued export
        }
    }

    /** Claims and runs one queued export; false when none was waiting. */
    public boolean runOne() {
        UUID claim = UUID.randomUUID();
        Instant now = clock.instant();
        Optional<ClaimedExport> claimed = QuarkusTransaction.requiringNew()
                .call(() -> requests.claimNext(now, now.minus(config.exports().claimTimeout()), claim));
        if (claimed.isEmpty()) {
            return false;
        }
        ClaimedExport export = claimed.get();
        Path part = null;
        try {
            part = files.newPartFile(export.id());
            Map<String, Integer> counts = write(export, claim, part);
            String name = files.publish(part, export.id());
            long bytes = Files.size(files.resolve(name));
            Instant done = clock.instant();
            boolean recorded = QuarkusTransaction.requiringNew().call(() -> {
                boolean ours = requests.completed(export.id(), claim, name, bytes, done, done.plus(config.exports().keep()));
                if (ours) {
                    audit.record(AuditEntry.of("export.completed", ACTOR, export.tenantId()).about(export.subjectKey())
                            .on("export:" + export.id()).with(Map.of("categories", String.valueOf(counts.size()),
                                    "items", String.valueOf(counts.values().stream().mapToInt(Integer::intValue).sum()))));
                }
                return ours;
            });
            if (!recorded) {
                LOG.warnf("Export %s was taken over by another node; this node's file is dropped", export.id());
            }
            LOG.infof("Export %s completed: %d categories", export.id(), counts.size());
        } catch (ClaimLost lost) {
            LOG.warnf("Export %s was taken over by another node", export.id());
            dropQuietly(part);
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Export %s failed: %s", export.id(), e.getClass().getSimpleName());
            dropQuietly(part);
            QuarkusTransaction.requiringNew().run(() -> requests.failed(export.id(), claim,
                    "The export could not be written (" + e.getClass().getSimpleName() + "); start it again."));
        }
        return true;
    }

    /** Writes every category, the audit entries about the person and the summary; returns items per category. */
    private Map<String, Integer> write(ClaimedExport export, UUID claim, Path part) throws IOException {
        List<PersonalDataHolder> ordered = holders.stream().sorted(Comparator.comparing(PersonalDataHolder::category)).toList();
        int total = ordered.size() + 2;
        DataSubject subject = QuarkusTransaction.requiringNew().call(() -> new DataSubject(export.tenantId(), export.email(),
                registrations.idsOf(export.tenantId(), export.email())));
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (ExportArchive archive = new ExportArchive(part)) {
            int done = 0;
            progress(export, claim, done, total);
            for (PersonalDataHolder holder : ordered) {
                List<Map<String, Object>> items = QuarkusTransaction.requiringNew().call(() -> holder.export(subject));
                archive.category(holder.category(), items);
                counts.put(holder.category(), items.size());
                progress(export, claim, ++done, total);
            }
            List<Map<String, Object>> entries = QuarkusTransaction.requiringNew()
                    .call(() -> auditEntries.of(export.tenantId(), export.subjectKey()));
            archive.category("audit-entries", entries);
            counts.put("audit-entries", entries.size());
            progress(export, claim, ++done, total);
            DataLocationReport report = QuarkusTransaction.requiringNew().call(() -> {
                TenantRef tenant = tenants.get(export.tenantId());
                return reports.forTenant(tenant.id(), tenant.name(), tenant.homeRegionCode());
            });
            String tenantName = report.tenantName();
            Map<String, java.util.Optional<Integer>> rules = QuarkusTransaction.requiringNew()
                    .call(() -> retention.forTenant(export.tenantId()));
            archive.entry("summary.html", ExportSummary.render(tenantName, clock.instant(), counts, report, rules)
                    .getBytes(StandardCharsets.UTF_8));
            progress(export, claim, ++done, total);
        }
        return counts;
    }

    private void progress(ClaimedExport export, UUID claim, int done, int total) {
        Instant now = clock.instant();
        if (!QuarkusTransaction.requiringNew().call(() -> requests.progress(export.id(), claim, done, total, now))) {
            throw new ClaimLost();
        }
    }

    private void dropQuietly(Path part) {
        if (part != null) {
            try {
                files.delete(part);
            } catch (RuntimeException ignored) {
                // the sweep removes stray parts
            }
        }
    }

    /** Another node took the claim over (this one was too slow): stop without recording anything. */
    private static final class ClaimLost extends RuntimeException {
        ClaimLost() {
            super(null, null, false, false);
        }
    }
}
