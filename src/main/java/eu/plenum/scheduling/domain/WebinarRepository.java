package eu.plenum.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webinars; every query names the tenant, so one tenant never reads another's webinars. */
@ApplicationScoped
public class WebinarRepository implements PanacheRepositoryBase<Webinar, UUID> {

    public Optional<Webinar> ofTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public List<Webinar> createdBy(String tenantId, String userId) {
        return list("tenantId = ?1 and createdBy = ?2", Sort.by("startLocal"), tenantId, userId);
    }

    public List<Webinar> allOfTenant(String tenantId) {
        return list("tenantId", Sort.by("startLocal"), tenantId);
    }
}
