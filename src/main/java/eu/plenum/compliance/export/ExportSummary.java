package eu.plenum.compliance.export;

import eu.plenum.compliance.retention.RetentionTexts;
import eu.plenum.residency.DataLocationReport;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The human-readable {@code summary.html} of an export, carrying what Art. 15(1) GDPR says the
 * person must be told: purposes, categories, recipients and sub-processors (the data-location
 * report's places), retention, source, rights, transfers (the transfer log) — and how long erased
 * data can survive in backups.
 */
final class ExportSummary {

    /** One category's line in the summary. */
    record CategoryLine(String category, int items, String purpose, String source, String retention) {
    }

    @CheckedTemplate(basePath = "compliance")
    static class Templates {
        static native TemplateInstance exportSummary(String tenantName, Instant generatedAt, List<CategoryLine> categories,
                DataLocationReport report, String backups);
    }

    private ExportSummary() {
    }

    /** {@code rules}: the tenant's retention days per retention category (RetentionRules#forTenant), as the job enforces them. */
    static String render(String tenantName, Instant generatedAt, Map<String, Integer> counts, DataLocationReport report,
            Map<String, Optional<Integer>> rules) {
        List<CategoryLine> lines = counts.entrySet().stream().map(entry -> {
            CategoryPurposes.Purpose purpose = CategoryPurposes.of(entry.getKey());
            return new CategoryLine(entry.getKey(), entry.getValue(), purpose.purpose(), purpose.source(),
                    RetentionTexts.of(entry.getKey(), rules));
        }).toList();
        return Templates.exportSummary(tenantName, generatedAt, lines, report, RetentionTexts.BACKUPS).render();
    }
}
