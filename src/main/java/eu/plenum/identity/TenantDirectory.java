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

    /** Tenant ids are 2 to 63 lower-case letters, digits and dashes (the register's check). */
    private static final int MAX_ID_LENGTH = 63;

    private final TenantRepository tenants;

    TenantDirectory(TenantRepository tenants) {
        this.tenants = tenants;
    }

    public List<TenantRef> all() {
        return tenants.listAllByName().stream().map(Tenant::toRef).toList();
    }

    /** Empty also for an id no tenant can have (PostgreSQL refuses a NUL in text: a 500 instead of a 404 otherwise). */
    public Optional<TenantRef> find(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return Optional.empty();
        }
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
