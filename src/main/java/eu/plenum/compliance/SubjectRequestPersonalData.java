package eu.plenum.compliance;

import eu.plenum.compliance.domain.PrivacyAskRepository;
import eu.plenum.shared.ExportValues;
import eu.plenum.shared.PersonalDataColumns;
import eu.plenum.shared.PersonalDataHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * The person's own data-protection requests in one tenant (category {@code subject-requests}): kind,
 * state, source, when received and the deadline. Erasure keeps each request (the tenant must show it
 * answered it) but forgets the address and closes it; pending self-service asks of the address go too.
 */
@ApplicationScoped
@PersonalDataColumns({"compliance_subject_request.email", "compliance_privacy_ask.email"})
class SubjectRequestPersonalData implements PersonalDataHolder {

    private static final String[] FIELDS = {"id", "kind", "state", "source", "receivedAt", "deadline", "completedAt"};

    private final Instance<EntityManager> databases;
    private final PrivacyAskRepository asks;

    SubjectRequestPersonalData(Instance<EntityManager> databases, PrivacyAskRepository asks) {
        this.databases = databases;
        this.asks = asks;
    }

    @Override
    public String category() {
        return "subject-requests";
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> export(DataSubject subject) {
        List<Object[]> rows = databases.get().createNativeQuery("""
                SELECT id, kind, state, source, created_at, deadline_at, completed_at FROM compliance_subject_request
                WHERE tenant_id = :tenant AND email = :email ORDER BY created_at, id""")
                .setParameter("tenant", subject.tenantId()).setParameter("email", subject.email()).getResultList();
        return rows.stream().map(row -> ExportValues.item(FIELDS, row)).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(DataSubject subject) {
        int requests = databases.get().createNativeQuery("""
                UPDATE compliance_subject_request SET email = NULL, state = 'CLOSED', export_file = NULL
                WHERE tenant_id = :tenant AND email = :email""")
                .setParameter("tenant", subject.tenantId()).setParameter("email", subject.email()).executeUpdate();
        return requests + asks.deleteOf(subject.email());
    }
}
