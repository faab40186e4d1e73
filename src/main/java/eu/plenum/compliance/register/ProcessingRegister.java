package eu.plenum.compliance.register;

import eu.plenum.compliance.register.ProcessingRecord.DataCategory;
import eu.plenum.compliance.register.ProcessingRecord.Recipient;
import eu.plenum.compliance.register.ProcessingRecord.Retention;
import eu.plenum.compliance.register.ProcessingRecord.Transfer;
import eu.plenum.compliance.retention.RetentionDefaults;
import eu.plenum.compliance.retention.RetentionRules;
import eu.plenum.identity.TenantRef;
import eu.plenum.residency.DataLocationReport;
import eu.plenum.residency.DataLocationReports;
import eu.plenum.residency.DeclaredPlace;
import eu.plenum.residency.DeclaredPlaces;
import eu.plenum.residency.Region;
import eu.plenum.residency.TransferLog;
import eu.plenum.shared.PersonalDataColumns;
import eu.plenum.shared.PersonalDataHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Generates the records of processing (Art. 30) from what the system knows about itself: the
 * categories and columns of every {@link PersonalDataHolder}, the declared places and their regions
 * (the sub-processors), the transfer log, the retention rules and the measures the code takes — so
 * the register changes when the code does, not when someone remembers to edit a document.
 */
@ApplicationScoped
public class ProcessingRegister {

    public static final String OPERATOR = "operator";

    /** The operator's own categories (Art. 30(1)): staff accounts, staff ids in data, the logs. */
    static final List<String> OPERATOR_CATEGORIES = List.of("staff-accounts", "staff-ids", "audit-log", "transfer-log", "logs");

    static final List<String> MEASURES = List.of("residency", "transfer-guard", "replication", "recording-copies", "roles",
            "tenant-scope", "secrets", "token-hashes", "transport", "audit-chain", "subject-keys", "retention", "erasure",
            "limits", "role-split");

    static final List<String> BACKUP_MEASURES = List.of("replication", "recording-copies");

    private final Instance<PersonalDataHolder> holders;
    private final RetentionRules rules;
    private final DataLocationReports reports;
    private final DeclaredPlaces places;
    private final TransferLog transfers;
    private final String operatorName;
    private final long backupDays;

    ProcessingRegister(@Any Instance<PersonalDataHolder> holders, RetentionRules rules, DataLocationReports reports,
            DeclaredPlaces places, TransferLog transfers,
            @ConfigProperty(name = "plenum.compliance.register.operator", defaultValue = "Plenum operator") String operatorName,
            @ConfigProperty(name = "plenum.compliance.retention.backups-kept", defaultValue = "30d") Duration backupsKept) {
        this.holders = holders;
        this.rules = rules;
        this.reports = reports;
        this.places = places;
        this.transfers = transfers;
        this.operatorName = operatorName;
        this.backupDays = backupsKept.toDays();
    }

    /** Art. 30(2): the operator processes the tenant's attendees' data on the tenant's behalf. */
    public ProcessingRecord forTenant(TenantRef tenant, RegisterTexts texts) {
        DataLocationReport report = reports.forTenant(tenant.id(), tenant.name(), tenant.homeRegionCode());
        List<DataCategory> categories = new ArrayList<>();
        holderColumns().forEach((category, columns) ->
                categories.add(new DataCategory(category, texts.get("category." + category), columns)));
        List<Retention> retention = rules.of(tenant.id()).stream()
                .filter(rule -> !rule.category().equals(RetentionDefaults.AUDIT_LOG))
                .map(rule -> new Retention(rule.category(), rule.days().orElse(null), texts.get("clock." + rule.category()))).toList();
        return new ProcessingRecord("30(2)", tenant.id(), tenant.name(), operatorName,
                keys(texts, "purpose.tenant", 4), keys(texts, "subjects.tenant", 3), categories, recipients(report),
                transfers(tenant.id()), retention, measures(texts), backupDays);
    }

    /** Art. 30(1): the operator's own data — staff accounts, operations, logs. */
    public ProcessingRecord forOperator(RegisterTexts texts) {
        List<DataCategory> categories = OPERATOR_CATEGORIES.stream().map(category -> new DataCategory(category,
                texts.get("category." + category), Arrays.asList(texts.get("columns." + category).split(",\\s*")))).toList();
        // Every place the operator declared: the sub-processors of the platform as a whole.
        List<Recipient> recipients = places.all().stream()
                .map(place -> recipient(place.name(), place.kind().description(), place.region(), DataLocationReport.DECLARED_BY_OPERATOR))
                .toList();
        List<Retention> retention = List.of(
                new Retention(RetentionDefaults.AUDIT_LOG, RetentionDefaults.of(RetentionDefaults.AUDIT_LOG).orElse(null),
                        texts.get("clock." + RetentionDefaults.AUDIT_LOG)),
                new Retention(RetentionDefaults.TRANSFER_LOG, RetentionDefaults.of(RetentionDefaults.TRANSFER_LOG).orElse(null),
                        texts.get("clock." + RetentionDefaults.TRANSFER_LOG)),
                new Retention("staff-accounts", null, texts.get("clock.staff-accounts")),
                new Retention("logs", null, texts.get("clock.logs")));
        return new ProcessingRecord("30(1)", OPERATOR, operatorName, operatorName, keys(texts, "purpose.operator", 4),
                keys(texts, "subjects.operator", 2), categories, recipients, transfers(null), retention, measures(texts), backupDays);
    }

    /** Category → covered columns of every personal-data holder, in category order. */
    Map<String, List<String>> holderColumns() {
        Map<String, List<String>> columns = new TreeMap<>();
        for (Instance.Handle<PersonalDataHolder> handle : holders.handles()) {
            PersonalDataColumns declared = handle.getBean().getBeanClass().getAnnotation(PersonalDataColumns.class);
            columns.put(handle.get().category(), declared == null ? List.of() : List.of(declared.value()));
        }
        return columns;
    }

    private List<Recipient> recipients(DataLocationReport report) {
        Map<String, Recipient> byPlace = new LinkedHashMap<>();
        for (DataLocationReport.Line line : report.lines()) {
            Optional<DeclaredPlace> declared = places.all().stream().filter(place -> place.name().equals(line.place())).findFirst();
            byPlace.putIfAbsent(line.place(), declared
                    .map(place -> recipient(place.name(), line.placeKind(), place.region(), line.regionDeclaredBy()))
                    .orElseGet(() -> new Recipient(line.place(), line.placeKind(), line.region().code(), line.region().city(),
                            line.region().country(), line.region().jurisdiction().name(), "", "", line.regionDeclaredBy())));
        }
        return List.copyOf(byPlace.values());
    }

    private static Recipient recipient(String name, String kind, Region region, String declaredBy) {
        return new Recipient(name, kind, region.code(), region.city(), region.country(), region.jurisdiction().name(),
                nonNull(region.provider()), nonNull(region.datacenter()), declaredBy);
    }

    private List<Transfer> transfers(String tenantId) {
        return transfers.summary(tenantId).stream().map(summary -> new Transfer(summary.destination(), summary.toRegion(),
                summary.category(), summary.outcome(), summary.count(), summary.last().toString())).toList();
    }

    /** The measures the code takes; the backup-site ones only where the operator declared a backup place. */
    private List<String> measures(RegisterTexts texts) {
        boolean backup = places.all().stream().anyMatch(place -> place.kind() == eu.plenum.residency.PlaceKind.BACKUP_SITE
                || place.backupFor().isPresent());
        return MEASURES.stream().filter(measure -> backup || !BACKUP_MEASURES.contains(measure))
                .map(measure -> texts.get("measure." + measure)).toList();
    }

    private static List<String> keys(RegisterTexts texts, String prefix, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(texts.get(prefix + "." + i));
        }
        return lines;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
