package eu.plenum.identity;

import eu.plenum.identity.domain.Tenant;
import eu.plenum.identity.domain.TenantRepository;
import eu.plenum.residency.HomeRegions;
import eu.plenum.residency.PersonalDataTransfer;
import eu.plenum.residency.Region;
import eu.plenum.residency.TenantRegionAllowances;
import eu.plenum.residency.TransferGuard;
import eu.plenum.shared.ConflictException;
import eu.plenum.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The one way a tenant's home region changes: an operator's explicit, reasoned request that the
 * transfer guard allows and the transfer log records. Moving the stored data itself is the data
 * stores' part of the procedure (docs/architecture.md, "Residency").
 */
@ApplicationScoped
public class TenantHomeRegionMigration {

    private final TenantRepository tenants;
    private final HomeRegions homeRegions;
    private final TenantRegionAllowances allowances;
    private final TransferGuard guard;

    TenantHomeRegionMigration(TenantRepository tenants, HomeRegions homeRegions, TenantRegionAllowances allowances,
            TransferGuard guard) {
        this.tenants = tenants;
        this.homeRegions = homeRegions;
        this.allowances = allowances;
        this.guard = guard;
    }

    /** An operator's request to move a tenant's home. */
    public record Request(String tenantId, String targetRegionCode, String reason, String adequacyLegalBasis, String actor) {
    }

    @Transactional
    public TenantRef migrate(Request request) {
        Tenant tenant = tenants.findByIdOptional(request.tenantId())
                .orElseThrow(() -> new NotFoundException("There is no tenant '" + request.tenantId() + "'."));
        String basis = request.adequacyLegalBasis() != null ? request.adequacyLegalBasis()
                : allowances.legalBasis(tenant.id(), request.targetRegionCode()).orElse(null);
        Region target = homeRegions.requireAllowed("targetRegionCode", request.targetRegionCode(), basis);
        if (target.code().equals(tenant.toRef().homeRegionCode())) {
            throw new ConflictException("same-home-region", "The tenant already lives in " + target.label() + ".");
        }
        if (homeRegions.needsAllowance(target)) {
            allowances.grant(tenant.id(), target.code(), basis, request.actor());
        }
        guard.authorize(new PersonalDataTransfer("tenant-data", "home region migration by " + request.actor() + ": "
                + request.reason(), tenant.id(), "region:" + target.code(), target.code(), basis));
        tenant.moveHomeTo(target.code());
        return tenant.toRef();
    }
}
