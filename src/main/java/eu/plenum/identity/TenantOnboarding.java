package eu.plenum.identity;

import eu.plenum.identity.domain.Tenant;
import eu.plenum.identity.domain.TenantRepository;
import eu.plenum.shared.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Registers a new tenant with its home region. */
@ApplicationScoped
public class TenantOnboarding {

    private final TenantRepository tenants;

    TenantOnboarding(TenantRepository tenants) {
        this.tenants = tenants;
    }

    /** A new tenant; the id is what hosts of the tenant carry in their {@code plenum_tenant} claim. */
    public record NewTenant(String id, String name, String homeRegionCode) {
    }

    @Transactional
    public TenantRef register(NewTenant request) {
        if (tenants.findByIdOptional(request.id()).isPresent()) {
            throw new ConflictException("tenant-exists", "A tenant with id '" + request.id() + "' already exists.");
        }
        if (tenants.existsWithName(request.name())) {
            throw new ConflictException("tenant-name-taken", "Another tenant already uses this name.");
        }
        Tenant tenant = new Tenant(request.id(), request.name().strip(), request.homeRegionCode());
        tenants.persist(tenant);
        return tenant.toRef();
    }
}
