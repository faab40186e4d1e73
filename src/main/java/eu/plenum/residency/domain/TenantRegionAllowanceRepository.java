package eu.plenum.residency.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Allowances per tenant. */
@ApplicationScoped
public class TenantRegionAllowanceRepository implements PanacheRepositoryBase<TenantRegionAllowance, TenantRegionAllowance.Key> {

    public Optional<TenantRegionAllowance> find(String tenantId, String regionCode) {
        return findByIdOptional(new TenantRegionAllowance.Key(tenantId, regionCode));
    }

    public List<TenantRegionAllowance> forTenant(String tenantId) {
        return list("key.tenantId", tenantId);
    }
}
