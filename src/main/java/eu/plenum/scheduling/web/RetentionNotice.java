package eu.plenum.scheduling.web;

import eu.plenum.shared.RetentionPeriods;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the privacy notice says about retention, read from the tenant's retention rules (the ones the
 * retention job applies), so the page never promises a period the job does not keep. A null field
 * means "kept until deleted"; several categories shown as one sentence take the longest of them.
 *
 * @param backupDays how long database backups are kept, i.e. how long erased data may survive in one
 * @param backupSite whether the operator declared a backup site (only then does the notice speak of one)
 */
public record RetentionNotice(Integer unconfirmedDays, Integer mailDays, Integer interactionDays, Integer attendanceDays,
        Integer recordingDays, long backupDays, boolean backupSite) {

    static RetentionNotice of(RetentionPeriods periods, String tenantId, long backupDays) {
        Map<String, Optional<Integer>> days = periods.forTenant(tenantId);
        return new RetentionNotice(days(days, "unconfirmed-registrations"), days(days, "sent-mail-bodies"),
                longest(days, List.of("live-events", "questions", "poll-votes", "raised-hands")), days(days, "attendance"),
                days(days, "recordings"), backupDays, periods.copiedToBackupSite());
    }

    private static Integer days(Map<String, Optional<Integer>> days, String category) {
        return days.getOrDefault(category, Optional.empty()).orElse(null);
    }

    private static Integer longest(Map<String, Optional<Integer>> days, List<String> categories) {
        List<Optional<Integer>> each = categories.stream().map(category -> days.getOrDefault(category, Optional.empty())).toList();
        if (each.stream().anyMatch(Optional::isEmpty)) {
            return null;
        }
        return each.stream().map(Optional::get).max(Integer::compare).orElse(null);
    }
}
