package eu.plenum.identity;

import eu.plenum.identity.domain.Tenant;
import eu.plenum.identity.domain.TenantRepository;
import eu.plenum.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Reads the tenant register. */
@ApplicationScoped
public class TenantDirectory {

    private final TenantRepository tenants;

    TenantDirectory(TenantRepository tenants) {
        this.tenants = tenants;
    }

    public List<TenantRef> all() {
        return tenants.listAllByName().stream().map(Tenant::toRef).toList();
    }

    public Optional<TenantRef> find(String id) {
        return tenants.findByIdOptional(id).map(Tenant::toRef);
    }

    public TenantRef get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("There is no tenant '" + id + "'."));
    }

    /**
     * Refuses work for a suspended tenant (its go-live, its attendee pages) with {@code tenant-suspended};
     * an unknown tenant is left to the caller's own checks.
     */
    public void requireActive(String id) {
        find(id).filter(TenantRef::suspended).ifPresent(suspended -> {
            throw new TenantSuspendedException(suspended.name());
        });
    }
}
