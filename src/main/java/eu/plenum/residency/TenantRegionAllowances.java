package eu.plenum.residency;

import eu.plenum.residency.domain.TenantRegionAllowance;
import eu.plenum.residency.domain.TenantRegionAllowanceRepository;
import eu.plenum.shared.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Explicit, per-tenant allowances for adequate regions, each with its legal basis: the only way
 * a tenant's personal data may go to an adequate (non-EU/EEA) country.
 */
@ApplicationScoped
public class TenantRegionAllowances {

    private final TenantRegionAllowanceRepository allowances;
    private final RegionCatalogue catalogue;

    TenantRegionAllowances(TenantRegionAllowanceRepository allowances, RegionCatalogue catalogue) {
        this.allowances = allowances;
        this.catalogue = catalogue;
    }

    /** One allowance as the API shows it. */
    public record Allowance(String regionCode, String legalBasis, String grantedBy, OffsetDateTime grantedAt) {
    }

    /** Records the allowance; only adequate regions need (and may have) one. */
    @Transactional
    public Allowance grant(String tenantId, String regionCode, String legalBasis, String grantedBy) {
        Region region = catalogue.require("regionCode", regionCode);
        if (region.jurisdiction() != Jurisdiction.ADEQUATE) {
            throw InvalidInputException.of("regionCode", region.label() + " is " + region.jurisdiction()
                    + "; allowances exist only for adequate countries");
        }
        if (legalBasis == null || legalBasis.isBlank()) {
            throw InvalidInputException.of("legalBasis", "must state the legal basis");
        }
        TenantRegionAllowance allowance = allowances.find(tenantId, regionCode)
                .orElseGet(() -> new TenantRegionAllowance(tenantId, regionCode, legalBasis.strip(), grantedBy));
        allowances.persist(allowance);
        return view(allowance);
    }

    public Optional<String> legalBasis(String tenantId, String regionCode) {
        return allowances.find(tenantId, regionCode).map(TenantRegionAllowance::legalBasis);
    }

    public List<Allowance> forTenant(String tenantId) {
        return allowances.forTenant(tenantId).stream().map(TenantRegionAllowances::view).toList();
    }

    private static Allowance view(TenantRegionAllowance allowance) {
        return new Allowance(allowance.regionCode(), allowance.legalBasis(), allowance.grantedBy(), allowance.grantedAt());
    }
}
