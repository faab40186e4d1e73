package eu.plenum.scheduling;

import eu.plenum.shared.ExportValues;
import eu.plenum.shared.PersonalDataColumns;
import eu.plenum.shared.PersonalDataHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The subject's registrations in the tenant: name, address, status, times and whether their join link
 * works — never the link versions (inputs of the HMAC-derived links) or the mail allowance counters.
 *
 * <p>Erasure <em>anonymises</em> rather than deletes: the row stays as a cancelled registration named
 * {@code erased} with the address {@code erased-<id>@erased.invalid}, both link versions raised and the
 * join link revoked (no link mailed before opens anything), the mail allowance cleared. Deleting would
 * cascade to answers and attendee sessions, so what the other holders report would depend on the order
 * in which compliance calls them; the tombstone also keeps the registration ids that other contexts'
 * rows still name resolvable to "nobody". The host's registrant list shows it as an erased, cancelled
 * registrant. Playback still running for it ends ({@link RegistrationWithdrawn}). Both methods run in
 * the caller's transaction ({@code MANDATORY}, like every holder): compliance erases one person in one
 * transaction across contexts.
 */
@ApplicationScoped
@PersonalDataColumns({"registration.name", "registration.email", "registration.email_normalized"})
class RegistrationPersonalData implements PersonalDataHolder {

    static final String ERASED_NAME = "erased";
    private static final String[] FIELDS = {"id", "webinarId", "webinarTitle", "name", "email", "status",
        "privacyAcknowledgedAt", "createdAt", "confirmedAt", "confirmationExpiresAt", "joinLink"};

    /** Looked up when used: an edge node has no persistence unit, and a static injection stops its start. */
    private final Instance<EntityManager> entityManager;
    private final Event<RegistrationWithdrawn> withdrawn;

    RegistrationPersonalData(Instance<EntityManager> entityManager, Event<RegistrationWithdrawn> withdrawn) {
        this.entityManager = entityManager;
        this.withdrawn = withdrawn;
    }

    @Override
    public String category() {
        return "registrations";
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> export(DataSubject subject) {
        if (subject.registrationIds().isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = entityManager.get().createNativeQuery("""
                SELECT r.id, r.webinar_id, w.title, r.name, r.email, r.status, r.privacy_acknowledged_at, r.created_at,
                    r.confirmed_at, r.confirm_expires_at,
                    CASE WHEN r.status <> 'REGISTERED' OR r.join_version = 0 THEN 'none'
                         WHEN r.join_revoked THEN 'revoked' ELSE 'active' END
                FROM registration r JOIN webinar w ON w.id = r.webinar_id
                WHERE r.tenant_id = :tenant AND r.id IN (:ids)
                ORDER BY r.created_at, r.id""")
                .setParameter("tenant", subject.tenantId())
                .setParameter("ids", subject.registrationIds())
                .getResultList();
        return rows.stream().map(row -> ExportValues.item(FIELDS, row)).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public int erase(DataSubject subject) {
        if (subject.registrationIds().isEmpty()) {
            return 0;
        }
        List<Object[]> erased = entityManager.get().createNativeQuery("""
                UPDATE registration SET name = :erased, email = 'erased-' || id || '@erased.invalid',
                    email_normalized = 'erased-' || id || '@erased.invalid', status = 'CANCELLED', join_revoked = true,
                    confirm_version = confirm_version + 1, join_version = join_version + 1, mail_day = NULL, mails_on_day = 0
                WHERE tenant_id = :tenant AND id IN (:ids) AND email_normalized <> 'erased-' || id || '@erased.invalid'
                RETURNING id, webinar_id""")
                .setParameter("erased", ERASED_NAME)
                .setParameter("tenant", subject.tenantId())
                .setParameter("ids", subject.registrationIds())
                .getResultList();
        erased.forEach(row -> withdrawn.fire(new RegistrationWithdrawn((UUID) row[1], (UUID) row[0])));
        return erased.size();
    }
}
