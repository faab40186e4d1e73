package eu.plenum.compliance.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Self-service asks waiting for the person to prove control of their address (V042 {@code compliance_privacy_ask}). */
@ApplicationScoped
public class PrivacyAskRepository {

    private final Instance<EntityManager> databases;

    PrivacyAskRepository(Instance<EntityManager> databases) {
        this.databases = databases;
    }

    /** An ask as the confirmation needs it; {@code email} is null once confirmed. */
    public record Ask(UUID id, String email, String kind, int linkVersion, Instant expiresAt, Instant confirmedAt) {
    }

    public void insert(UUID id, String email, String addressKey, String kind, Instant now, Instant expires) {
        databases.get().createNativeQuery("""
                INSERT INTO compliance_privacy_ask (id, email, address_key, kind, created_at, expires_at)
                VALUES (:id, :email, :key, :kind, :now, :expires)""")
                .setParameter("id", id).setParameter("email", email).setParameter("key", addressKey).setParameter("kind", kind)
                .setParameter("now", SubjectRequestRepository.utc(now))
                .setParameter("expires", SubjectRequestRepository.utc(expires)).executeUpdate();
    }

    /**
     * Asks of one address since {@code since}, counted under a transaction-scoped advisory lock on the
     * address key, so that two nodes cannot both let the last allowed ask through.
     */
    public long countSinceLocked(String addressKey, Instant since) {
        databases.get().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 42))")
                .setParameter("key", addressKey).getSingleResult();
        return ((Number) databases.get().createNativeQuery(
                "SELECT count(*) FROM compliance_privacy_ask WHERE address_key = :key AND created_at >= :since")
                .setParameter("key", addressKey).setParameter("since", SubjectRequestRepository.utc(since))
                .getSingleResult()).longValue();
    }

    /** The ask, locked for the confirmation that acts on it. */
    @SuppressWarnings("unchecked")
    public Optional<Ask> findForUpdate(UUID id) {
        List<Object[]> rows = databases.get().createNativeQuery("""
                SELECT id, email, kind, link_version, expires_at, confirmed_at FROM compliance_privacy_ask
                WHERE id = :id FOR UPDATE""").setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(row -> new Ask((UUID) row[0], (String) row[1], (String) row[2],
                ((Number) row[3]).intValue(), SubjectRequestRepository.instant(row[4]), SubjectRequestRepository.instant(row[5])));
    }

    @SuppressWarnings("unchecked")
    public Optional<Ask> find(UUID id) {
        List<Object[]> rows = databases.get().createNativeQuery("""
                SELECT id, email, kind, link_version, expires_at, confirmed_at FROM compliance_privacy_ask WHERE id = :id""")
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(row -> new Ask((UUID) row[0], (String) row[1], (String) row[2],
                ((Number) row[3]).intValue(), SubjectRequestRepository.instant(row[4]), SubjectRequestRepository.instant(row[5])));
    }

    /** Confirmed: the address is no longer needed here (the requests hold it now). */
    public void confirmed(UUID id, Instant at) {
        databases.get().createNativeQuery(
                "UPDATE compliance_privacy_ask SET email = NULL, confirmed_at = :at WHERE id = :id")
                .setParameter("at", SubjectRequestRepository.utc(at)).setParameter("id", id).executeUpdate();
    }

    /** Forgets asks made before {@code cutOff} (they only counted towards the daily limit by then). */
    public int deleteOlderThan(Instant cutOff) {
        return databases.get().createNativeQuery("DELETE FROM compliance_privacy_ask WHERE created_at < :cut")
                .setParameter("cut", SubjectRequestRepository.utc(cutOff)).executeUpdate();
    }

    /** Every pending ask of an address (erasure of the person). */
    public int deleteOf(String email) {
        return databases.get().createNativeQuery("DELETE FROM compliance_privacy_ask WHERE lower(btrim(email)) = :email")
                .setParameter("email", email).executeUpdate();
    }
}
