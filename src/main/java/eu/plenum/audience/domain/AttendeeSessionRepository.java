package eu.plenum.audience.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AttendeeSessionRepository implements PanacheRepositoryBase<AttendeeSession, UUID> {

    public Optional<AttendeeSession> byTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    /** The registration's sessions still running, oldest first. */
    public List<AttendeeSession> activeOf(UUID registrationId) {
        return list("registrationId = ?1 and endedAt is null order by startedAt, id", registrationId);
    }

    /**
     * Serialises session starts of one registration until the transaction ends, so that two devices
     * entering at the same moment cannot both slip under the device limit.
     */
    public void lockRegistration(UUID registrationId) {
        getEntityManager().createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1, ?2)) AS locked")
                .setParameter(1, 0x61756469) // "audi": this lock's class
                .setParameter(2, registrationId.hashCode())
                .getSingleResult();
    }
}
