package eu.plenum.identity;

import eu.plenum.identity.domain.Tenant;
import eu.plenum.identity.domain.TenantRepository;
import eu.plenum.residency.HomeRegions;
import eu.plenum.residency.Region;
import eu.plenum.residency.TenantRegionAllowances;
import eu.plenum.shared.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Registers a new tenant in a home region the residency policy allows. */
@ApplicationScoped
public class TenantOnboarding {

    private final TenantRepository tenants;
    private final HomeRegions homeRegions;
    private final TenantRegionAllowances allowances;
    private final StaffActs acts;

    TenantOnboarding(TenantRepository tenants, HomeRegions homeRegions, TenantRegionAllowances allowances, StaffActs acts) {
        this.tenants = tenants;
        this.homeRegions = homeRegions;
        this.allowances = allowances;
        this.acts = acts;
    }

    /**
     * A new tenant; the id is what hosts of the tenant carry in their {@code plenum_tenant} claim.
     *
     * @param adequacyLegalBasis required when the home region is in an adequate (non-EU/EEA) country
     * @param actor who registers it, for the allowance record
     */
    public record NewTenant(String id, String name, String homeRegionCode, String adequacyLegalBasis, String actor) {

        public NewTenant(String id, String name, String homeRegionCode) {
            this(id, name, homeRegionCode, null, "system");
        }
    }

    /** An operator's registration from the console or the API, audited with the tenant in one transaction. */
    @Transactional
    public TenantRef registerByOperator(NewTenant request) {
        TenantRef tenant = register(request);
        acts.recordInTransaction("tenant.created", tenant.id(), "tenant:" + tenant.id(),
                java.util.Map.of("homeRegion", tenant.homeRegionCode(),
                        "legalBasisRecorded", String.valueOf(request.adequacyLegalBasis() != null && !request.adequacyLegalBasis().isBlank())));
        return tenant;
    }

    @Transactional
    public TenantRef register(NewTenant request) {
        Region home = homeRegions.requireAllowed("homeRegionCode", request.homeRegionCode(), request.adequacyLegalBasis());
        if (tenants.findByIdOptional(request.id()).isPresent()) {
            throw new ConflictException("tenant-exists", "A tenant with id '" + request.id() + "' already exists.");
        }
        if (tenants.existsWithName(request.name())) {
            throw new ConflictException("tenant-name-taken", "Another tenant already uses this name.");
        }
        Tenant tenant = new Tenant(request.id(), request.name().strip(), home.code());
        tenants.persist(tenant);
        if (homeRegions.needsAllowance(home)) {
            tenants.flush();
            allowances.grant(tenant.id(), home.code(), request.adequacyLegalBasis(), request.actor());
        }
        return tenant.toRef();
    }
}
