package eu.plenum.mail;

import eu.plenum.shared.ExportValues;
import eu.plenum.shared.PersonalDataColumns;
import eu.plenum.shared.PersonalDataHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Mails in the outbox addressed to the subject's address in the subject's tenant (compared trimmed and
 * lower case): recipient, subject line, status, times and the plain-text body. Bodies hold personal
 * links only as placeholders (V020, {@code shared.LinkTokens}), which open nothing but name a
 * registration and a link version; the export shows each as {@value #LINK_SHOWN} instead. The HTML
 * body (the same text), the calendar attachment and the relay's last error are not exported.
 *
 * <p>Erasure deletes the rows, pending ones included (nothing more goes out to an erased address; a
 * mail being sent right now finds no row to record its outcome in). Caller's transaction
 * ({@code MANDATORY}).
 */
@ApplicationScoped
@PersonalDataColumns({"mail_outbox.recipient", "mail_outbox.subject", "mail_outbox.body_text", "mail_outbox.body_html",
    "mail_outbox.calendar", "mail_outbox.last_error"})
class MailPersonalData implements PersonalDataHolder {

    static final String LINK_SHOWN = "[personal link]";
    private static final Pattern LINK_PLACEHOLDER = Pattern.compile("\\[\\[plenum-link:[^\\]]*]]");
    private static final String[] FIELDS = {"id", "recipient", "subject", "status", "body", "calendarAttached",
        "sendAfter", "sentAt", "createdAt", "attempts"};

    /** Looked up when used: an edge node has no persistence unit, and a static injection stops its start. */
    private final Instance<EntityManager> entityManager;

    MailPersonalData(Instance<EntityManager> entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String category() {
        return "mails";
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> export(DataSubject subject) {
        List<Object[]> rows = entityManager.get().createNativeQuery("""
                SELECT id, recipient, subject, status, body_text, calendar IS NOT NULL, send_after, sent_at, created_at,
                    attempts
                FROM mail_outbox WHERE tenant_id = :tenant AND lower(btrim(recipient)) = :email
                ORDER BY created_at, id""")
                .setParameter("tenant", subject.tenantId())
                .setParameter("email", subject.email())
                .getResultList();
        return rows.stream().map(row -> {
            row[4] = LINK_PLACEHOLDER.matcher((String) row[4]).replaceAll(LINK_SHOWN);
            return ExportValues.item(FIELDS, row);
        }).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(DataSubject subject) {
        return entityManager.get().createNativeQuery(
                "DELETE FROM mail_outbox WHERE tenant_id = :tenant AND lower(btrim(recipient)) = :email")
                .setParameter("tenant", subject.tenantId())
                .setParameter("email", subject.email())
                .executeUpdate();
    }
}
