package eu.plenum.compliance.retention;

import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import eu.plenum.shared.InvalidInputException;
import eu.plenum.shared.RetainedData;
import eu.plenum.shared.RetentionPeriods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The retention rule of each category for a tenant: the tenant's override where an officer set one,
 * else the default. The job, the console preview, the Art. 30 register and the privacy notice all read
 * this one place, so what the notice promises is what the job does.
 */
@ApplicationScoped
public class RetentionRules implements RetentionPeriods {

    /** One category's rule for a tenant; {@code days} empty: kept until deleted. */
    public record Rule(String category, Optional<Integer> days, Optional<Integer> defaultDays, boolean overridden, int floorDays,
            boolean enforced) {
    }

    /** Looked up when used: an edge node has no persistence unit. */
    private final Instance<EntityManager> databases;
    private final Instance<RetainedData> retained;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean backupSite;

    RetentionRules(Instance<EntityManager> databases, @Any Instance<RetainedData> retained, AuditTrail audit, Clock clock,
            eu.plenum.residency.DeclaredPlaces places) {
        this.backupSite = places.all().stream().anyMatch(place ->
                place.kind() == eu.plenum.residency.PlaceKind.BACKUP_SITE || place.backupFor().isPresent());
        this.databases = databases;
        this.retained = retained;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every category the code knows: the defaults' and every {@link RetainedData} bean's, defaults first. */
    public List<String> categories() {
        TreeSet<String> extra = new TreeSet<>();
        retained.forEach(bean -> extra.add(bean.category()));
        extra.removeAll(RetentionDefaults.DAYS.keySet());
        List<String> all = new java.util.ArrayList<>(RetentionDefaults.DAYS.keySet());
        all.addAll(extra);
        return all;
    }

    @Transactional
    public List<Rule> of(String tenantId) {
        Map<String, Optional<Integer>> overrides = overrides(tenantId);
        java.util.Set<String> enforced = new java.util.HashSet<>();
        retained.forEach(bean -> enforced.add(bean.category()));
        return categories().stream().map(category -> new Rule(category,
                overrides.containsKey(category) ? overrides.get(category) : RetentionDefaults.of(category),
                RetentionDefaults.of(category), overrides.containsKey(category), RetentionDefaults.floor(category),
                enforced.contains(category))).toList();
    }

    @Override
    @Transactional
    public Map<String, Optional<Integer>> forTenant(String tenantId) {
        Map<String, Optional<Integer>> days = new LinkedHashMap<>();
        of(tenantId).forEach(rule -> days.put(rule.category(), rule.days()));
        return days;
    }

    @Override
    public boolean copiedToBackupSite() {
        return backupSite;
    }

    /** Sets the tenant's rule of one category (empty days: keep until deleted), audited as {@code config.changed}. */
    @Transactional
    public Rule set(String tenantId, String category, Optional<Integer> days, String actor) {
        requireKnown(category);
        if (days.isPresent() && (days.get() < RetentionDefaults.floor(category) || days.get() > 36500)) {
            throw InvalidInputException.of("keepDays", "Keep " + category + " between " + RetentionDefaults.floor(category)
                    + " and 36500 days.");
        }
        Optional<Integer> before = ruleOf(tenantId, category);
        database().createNativeQuery("""
                INSERT INTO compliance_retention_rule (tenant_id, category, keep_days, changed_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (tenant_id, category) DO UPDATE SET keep_days = EXCLUDED.keep_days, changed_at = EXCLUDED.changed_at""")
                .setParameter(1, tenantId).setParameter(2, category).setParameter(3, days.orElse(null))
                .setParameter(4, Timestamp.from(clock.instant())).executeUpdate();
        auditChange(tenantId, category, before, days, actor);
        return ruleFor(tenantId, category);
    }

    /** Drops the tenant's override, so the default applies again. */
    @Transactional
    public Rule reset(String tenantId, String category, String actor) {
        requireKnown(category);
        Optional<Integer> before = ruleOf(tenantId, category);
        int dropped = database().createNativeQuery("DELETE FROM compliance_retention_rule WHERE tenant_id = ?1 AND category = ?2")
                .setParameter(1, tenantId).setParameter(2, category).executeUpdate();
        if (dropped > 0) {
            auditChange(tenantId, category, before, RetentionDefaults.of(category), actor);
        }
        return ruleFor(tenantId, category);
    }

    /** The days of one category for a tenant, as the job applies them. */
    @Transactional
    public Optional<Integer> ruleOf(String tenantId, String category) {
        Map<String, Optional<Integer>> overrides = overrides(tenantId);
        return overrides.containsKey(category) ? overrides.get(category) : RetentionDefaults.of(category);
    }

    private Rule ruleFor(String tenantId, String category) {
        return of(tenantId).stream().filter(rule -> rule.category().equals(category)).findFirst().orElseThrow();
    }

    private void requireKnown(String category) {
        if (!categories().contains(category)) {
            throw new eu.plenum.shared.NotFoundException("No data category " + category + ".");
        }
    }

    private void auditChange(String tenantId, String category, Optional<Integer> before, Optional<Integer> after, String actor) {
        audit.record(AuditEntry.of("config.changed", actor, tenantId).on("retention-rule:" + category).with(Map.of(
                "setting", "retention." + category, "before", describe(before), "after", describe(after))));
    }

    private static String describe(Optional<Integer> days) {
        return days.map(value -> value + "d").orElse("until-deleted");
    }

    private Map<String, Optional<Integer>> overrides(String tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = database().createNativeQuery(
                "SELECT category, keep_days FROM compliance_retention_rule WHERE tenant_id = ?1")
                .setParameter(1, tenantId).getResultList();
        Map<String, Optional<Integer>> overrides = new LinkedHashMap<>();
        for (Object[] row : rows) {
            overrides.put((String) row[0], Optional.ofNullable((Number) row[1]).map(Number::intValue));
        }
        return overrides;
    }

    private EntityManager database() {
        return databases.get();
    }
}
