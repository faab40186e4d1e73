package eu.plenum.quotas;

import eu.plenum.identity.StaffActs;
import eu.plenum.identity.TenantDirectory;
import eu.plenum.quotas.domain.TenantQuota;
import eu.plenum.quotas.domain.TenantQuotaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A tenant's quotas: the configured defaults with the operator's overrides, what the tenant uses of each, and the
 * admission checks the contexts that do the work call at go-live, WHEP admission, recording start and registration.
 */
@ApplicationScoped
public class TenantQuotas {

    private final TenantQuotaRepository overrides;
    private final QuotaConfig defaults;
    private final Instance<QuotaUsage> usages;
    private final TenantDirectory tenants;
    private final StaffActs acts;
    private final Clock clock;

    TenantQuotas(TenantQuotaRepository overrides, QuotaConfig defaults, Instance<QuotaUsage> usages, TenantDirectory tenants,
            StaffActs acts, Clock clock) {
        this.overrides = overrides;
        this.defaults = defaults;
        this.usages = usages;
        this.tenants = tenants;
        this.acts = acts;
        this.clock = clock;
    }

    /** One quota of a tenant: its limit in force, the default, whether an operator overrode it, and the usage now. */
    public record Line(Quota quota, long limit, long defaultLimit, boolean overridden, long usage) {
        public String name() {
            return quota.key();
        }

        /** Usage as a share of the limit, 0 to 100, for the console's bars. */
        public int percent() {
            return limit <= 0 ? 100 : (int) Math.min(100, usage * 100 / limit);
        }

        public boolean reached() {
            return usage >= limit;
        }
    }

    /** Every quota of the tenant with its usage now. */
    @Transactional
    public List<Line> of(String tenantId) {
        String id = tenants.get(tenantId).id();
        Map<Quota, Long> set = overridesOf(id);
        return java.util.Arrays.stream(Quota.values()).map(quota -> new Line(quota, set.getOrDefault(quota, defaults.of(quota)),
                defaults.of(quota), set.containsKey(quota), usage(quota, id))).toList();
    }

    /** The limit in force for one quota of a tenant. */
    @Transactional
    public long limit(String tenantId, Quota quota) {
        return overrides.findByIdOptional(tenantId).flatMap(row -> {
            java.util.OptionalLong value = row.override(quota);
            return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
        }).orElse(defaults.of(quota));
    }

    /**
     * An operator sets the tenant's overrides: a value per quota, null for "back to the default". Audited as
     * {@code quota.changed} with every quota's new setting, in the same transaction.
     */
    @Transactional
    public List<Line> set(String tenantId, Map<Quota, Long> values) {
        String id = tenants.get(tenantId).id();
        values.forEach((quota, value) -> {
            if (value != null && value < 0) {
                throw eu.plenum.shared.InvalidInputException.of(quota.key(), "zero or more");
            }
        });
        TenantQuota row = overrides.findByIdOptional(id).orElseGet(() -> {
            TenantQuota created = new TenantQuota(id);
            created.set(Quota.LIVE_ROOMS, null, OffsetDateTime.now(clock));
            overrides.persist(created);
            return created;
        });
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, String> facts = new LinkedHashMap<>();
        values.forEach((quota, value) -> {
            row.set(quota, value, now);
            facts.put(quota.key(), value == null ? "default" : Long.toString(value));
        });
        acts.recordInTransaction("quota.changed", id, "tenant:" + id, facts);
        return of(id);
    }

    /** {@link #admitGoLive} unless the room is live already (another publisher joining it); returns null, for use in a read. */
    @Transactional
    public Void admitGoLiveUnless(boolean live, String tenantId, boolean recording) {
        if (!live) {
            admitGoLive(tenantId, recording);
        }
        return null;
    }

    /** Going live: refused when the tenant's live rooms are at their quota, or when it would record with storage full. */
    @Transactional
    public void admitGoLive(String tenantId, boolean recording) {
        admit(tenantId, Quota.LIVE_ROOMS, () -> usage(Quota.LIVE_ROOMS, tenantId),
                "This organisation has as many rooms live as its quota allows; end one before going live with another.");
        if (recording) {
            admitRecording(tenantId);
        }
    }

    /** Starting a recording: refused when the tenant's recordings fill its storage quota (a running one goes on). */
    @Transactional
    public void admitRecording(String tenantId) {
        admit(tenantId, Quota.RECORDING_BYTES, () -> usage(Quota.RECORDING_BYTES, tenantId),
                "This organisation's recordings fill its storage quota; delete recordings or ask the operator for more.");
    }

    /**
     * A new registration of a webinar: {@code registeredNow} counts the webinar's registrations and must hold a lock
     * that serialises registrations of that webinar until the caller's transaction ends, so that two registrations
     * for the last place cannot both pass.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void admitRegistration(String tenantId, LongSupplier registeredNow) {
        admit(tenantId, Quota.REGISTRATIONS_PER_WEBINAR, registeredNow,
                "This webinar has as many registrations as its organisation's quota allows.");
    }

    /** WebRTC places of one room: the node's capacity, lowered by the tenant's quota. */
    @Transactional
    public long viewerPlaces(String tenantId, long capacity) {
        return Math.min(capacity, limit(tenantId, Quota.WEBRTC_VIEWERS_PER_ROOM));
    }

    private void admit(String tenantId, Quota quota, LongSupplier usage, String detail) {
        long limit = limit(tenantId, quota);
        long now = usage.getAsLong();
        if (now >= limit) {
            throw new QuotaExceededException(quota, limit, now, detail + " (" + quota.key() + ": " + now + " of " + limit + ")");
        }
    }

    private long usage(Quota quota, String tenantId) {
        return usages.stream().filter(usage -> usage.quota() == quota).mapToLong(usage -> usage.of(tenantId)).max().orElse(0);
    }

    private Map<Quota, Long> overridesOf(String tenantId) {
        return overrides.findByIdOptional(tenantId).map(TenantQuota::overrides).orElseGet(() -> new EnumMap<>(Quota.class));
    }
}
