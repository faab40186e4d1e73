package eu.plenum.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Registrations; found by webinar and address, or by id (the id a personal link carries). */
@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

    /**
     * A webinar's registration of an address, row-locked: concurrent repeats of one address count
     * against its mail allowance one at a time.
     */
    public Optional<Registration> ofForUpdate(UUID webinarId, String emailNormalized) {
        return find("webinarId = ?1 and emailNormalized = ?2", webinarId, emailNormalized)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** A webinar's registrations, oldest first, optionally those whose name or address contains {@code query}. */
    public java.util.List<Registration> ofWebinar(UUID webinarId, String query) {
        if (query == null || query.isBlank()) {
            return list("webinarId", io.quarkus.panache.common.Sort.by("createdAt"), webinarId);
        }
        String like = "%" + query.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return list("webinarId = ?1 and (lower(name) like ?2 or emailNormalized like ?2)",
                io.quarkus.panache.common.Sort.by("createdAt"), webinarId, like);
    }

    public Optional<Registration> firstWaitlisted(UUID webinarId) {
        return find("webinarId = ?1 and status = ?2", io.quarkus.panache.common.Sort.by("confirmedAt"), webinarId,
                RegistrationStatus.WAITLISTED).firstResultOptional();
    }

    /** Registrants holding a seat, whom changes and reminders are sent to. */
    public java.util.List<Registration> holdingSeats(UUID webinarId) {
        return list("webinarId = ?1 and status = ?2 and joinRevoked = false", webinarId, RegistrationStatus.REGISTERED);
    }

    /** Ids of a tenant's registrations of one normalised address, across its webinars. */
    public java.util.List<UUID> idsOf(String tenantId, String emailNormalized) {
        return getEntityManager().createQuery(
                "select r.id from Registration r where r.tenantId = ?1 and r.emailNormalized = ?2", UUID.class)
                .setParameter(1, tenantId).setParameter(2, emailNormalized).getResultList();
    }

    /** The tenants in whose webinars one normalised address registered, each once. */
    public java.util.List<String> tenantsOf(String emailNormalized) {
        return getEntityManager().createQuery(
                "select distinct r.tenantId from Registration r where r.emailNormalized = ?1 order by r.tenantId", String.class)
                .setParameter(1, emailNormalized).getResultList();
    }

    public long seatsTaken(UUID webinarId) {
        return count("webinarId = ?1 and status = ?2", webinarId, RegistrationStatus.REGISTERED);
    }

    /** Registrations that count against the registrations quota: all but cancelled and denied ones. */
    public long countedForQuota(UUID webinarId) {
        return count("webinarId = ?1 and status not in ?2", webinarId,
                java.util.List.of(RegistrationStatus.CANCELLED, RegistrationStatus.DENIED));
    }

    /** The most registrations one of the tenant's webinars has (cancelled and denied ones not counted). */
    public long mostOfOneWebinar(String tenantId) {
        return getEntityManager().createQuery("select count(r) from Registration r where r.tenantId = ?1 and r.status not in ?2"
                + " group by r.webinarId order by count(r) desc", Long.class).setParameter(1, tenantId)
                .setParameter(2, java.util.List.of(RegistrationStatus.CANCELLED, RegistrationStatus.DENIED))
                .setMaxResults(1).getResultStream().findFirst().orElse(0L);
    }
}
