package eu.plenum.identity;

import eu.plenum.identity.domain.Tenant;
import eu.plenum.identity.domain.TenantRepository;
import eu.plenum.shared.ConflictException;
import eu.plenum.shared.InvalidInputException;
import eu.plenum.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An operator suspends or reactivates a tenant. Suspension refuses the tenant's people on their next request
 * ({@link CurrentHost}), its go-live and its attendee pages ({@link TenantDirectory#requireActive}); it deletes
 * nothing, so reactivation restores everything as it was.
 */
@ApplicationScoped
public class TenantSuspensions {

    /** Why a tenant is suspended: a fixed list, so that neither the register nor the audit log holds free text. */
    public static final List<String> REASONS = List.of("payment", "contract-ended", "abuse", "security", "other");

    private final TenantRepository tenants;
    private final StaffActs acts;
    private final Clock clock;

    TenantSuspensions(TenantRepository tenants, StaffActs acts, Clock clock) {
        this.tenants = tenants;
        this.acts = acts;
        this.clock = clock;
    }

    @Transactional
    public TenantRef suspend(String tenantId, String reason) {
        if (reason == null || !REASONS.contains(reason)) {
            throw InvalidInputException.of("reason", "one of " + String.join(", ", REASONS));
        }
        Tenant tenant = tenant(tenantId);
        if (tenant.suspended()) {
            throw new ConflictException("tenant-already-suspended", "This tenant is suspended already.");
        }
        tenant.suspend(reason, OffsetDateTime.now(clock));
        acts.recordInTransaction("tenant.suspended", tenant.id(), "tenant:" + tenant.id(), Map.of("reason", reason));
        return tenant.toRef();
    }

    @Transactional
    public TenantRef reactivate(String tenantId) {
        Tenant tenant = tenant(tenantId);
        if (!tenant.suspended()) {
            throw new ConflictException("tenant-not-suspended", "This tenant is active.");
        }
        tenant.reactivate();
        acts.recordInTransaction("tenant.reactivated", tenant.id(), "tenant:" + tenant.id(), Map.of());
        return tenant.toRef();
    }

    private Tenant tenant(String tenantId) {
        return tenants.findByIdOptional(tenantId).orElseThrow(() -> new NotFoundException("There is no tenant '" + tenantId + "'."));
    }
}
