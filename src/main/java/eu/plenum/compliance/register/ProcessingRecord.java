package eu.plenum.compliance.register;

import java.util.List;

/**
 * One record of processing activities (GDPR Art. 30): for a tenant as controller, with the operator as
 * its processor (Art. 30(2)), or for the operator's own data as controller (Art. 30(1)).
 *
 * @param article      {@code 30(1)} or {@code 30(2)}
 * @param controllerId the tenant's id, or {@code operator}
 */
public record ProcessingRecord(String article, String controllerId, String controllerName, String processorName,
        List<String> purposes, List<String> subjects, List<DataCategory> categories, List<Recipient> recipients,
        List<Transfer> transfers, List<Retention> retention, List<String> measures, long backupDays) {

    /** A category of personal data and the columns that hold it. */
    public record DataCategory(String name, String description, List<String> columns) {
    }

    /** A place that holds or receives the data (the operator's site, a sub-processor, a tenant's receiver). */
    public record Recipient(String place, String kind, String region, String city, String country, String jurisdiction,
            String provider, String datacenter, String declaredBy) {
    }

    /** Transfers from the transfer log, grouped by destination, region, category and outcome. */
    public record Transfer(String destination, String toRegion, String category, String outcome, long count, String last) {
    }

    /** A retention rule as the register states it; {@code days} null: kept until deleted. */
    public record Retention(String category, Integer days, String clock) {
    }
}
