package eu.plenum.shared;

import java.util.Map;
import java.util.Optional;

/**
 * How long each category of a tenant's data is kept, as the retention rules say: read by the pages that
 * promise it (the privacy notice), so that the promise and the job that keeps it read the same rule.
 * Declared here so that scheduling can show it without depending on compliance, which keeps the rules.
 */
public interface RetentionPeriods {

    /** Category → days after that category's own clock; empty means "kept until deleted". */
    Map<String, Optional<Integer>> forTenant(String tenantId);

    /** Whether the operator declared a backup site or backup storage: only then may the notice say data is copied there. */
    default boolean copiedToBackupSite() {
        return false;
    }
}
