package eu.plenum.identity.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The tenant register. */
@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<Tenant, String> {

    public List<Tenant> listAllByName() {
        return listAll(Sort.by("name"));
    }

    public boolean existsWithName(String name) {
        return count("lower(name) = ?1", name.strip().toLowerCase(java.util.Locale.ROOT)) > 0;
    }
}
