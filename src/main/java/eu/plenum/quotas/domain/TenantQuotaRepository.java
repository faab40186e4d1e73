package eu.plenum.quotas.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Quota overrides by tenant id. */
@ApplicationScoped
public class TenantQuotaRepository implements PanacheRepositoryBase<TenantQuota, String> {
}
