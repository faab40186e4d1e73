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

    /** Scheduled webinars with a scheduled session starting in (from, to]: the candidates for reminders. */
    public List<Webinar> withSessionsStartingBetween(java.time.Instant from, java.time.Instant to) {
        return list("select distinct w from Webinar w join w.sessions s where w.status = ?1 and s.status = ?1"
                + " and s.startsAt > ?2 and s.startsAt <= ?3", WebinarStatus.SCHEDULED,
                from.atOffset(java.time.ZoneOffset.UTC), to.atOffset(java.time.ZoneOffset.UTC));
    }

    public List<Webinar> allOfTenant(String tenantId) {
        return list("tenantId", Sort.by("startLocal"), tenantId);
    }
}
