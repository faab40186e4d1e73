package eu.plenum.compliance.erasure;

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
 * Erasure requests that still hold the person's address: queued ones (the job needs it, and drops it
 * with the database part) and failed ones. Erasure forgets the address of failed requests; a queued
 * one keeps it until it runs itself. Caller's transaction ({@code MANDATORY}).
 */
@ApplicationScoped
@PersonalDataColumns({"compliance_erasure.email"})
class ErasureRequestPersonalData implements PersonalDataHolder {

    private static final String[] FIELDS = {"id", "state", "requestedAt"};

    private final Instance<EntityManager> entityManager;

    ErasureRequestPersonalData(Instance<EntityManager> entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String category() {
        return "erasure-requests";
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> export(DataSubject subject) {
        List<Object[]> rows = entityManager.get().createNativeQuery("""
                SELECT id, state, requested_at FROM compliance_erasure WHERE tenant_id = ?1 AND email = ?2
                ORDER BY requested_at, id""").setParameter(1, subject.tenantId()).setParameter(2, subject.email()).getResultList();
        return rows.stream().map(row -> ExportValues.item(FIELDS, row)).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(DataSubject subject) {
        return entityManager.get().createNativeQuery("""
                UPDATE compliance_erasure SET email = NULL WHERE tenant_id = ?1 AND email = ?2 AND state <> 'REQUESTED'""")
                .setParameter(1, subject.tenantId()).setParameter(2, subject.email()).executeUpdate();
    }
}
