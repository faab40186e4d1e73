package eu.plenum.scheduling;

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
 * The subject's answers to a webinar's registration questions, with the question they answer.
 * Erasure deletes them: free text the person wrote, which nothing else needs. Caller's transaction
 * ({@code MANDATORY}).
 */
@ApplicationScoped
@PersonalDataColumns({"registration_answer.answer"})
class RegistrationAnswerPersonalData implements PersonalDataHolder {

    private static final String[] FIELDS = {"registrationId", "webinarId", "questionId", "question", "answer"};

    /** Looked up when used: an edge node has no persistence unit, and a static injection stops its start. */
    private final Instance<EntityManager> entityManager;

    RegistrationAnswerPersonalData(Instance<EntityManager> entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String category() {
        return "registration-answers";
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> export(DataSubject subject) {
        if (subject.registrationIds().isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = entityManager.get().createNativeQuery("""
                SELECT a.registration_id, r.webinar_id, a.question_id, q.label, a.answer
                FROM registration_answer a JOIN registration r ON r.id = a.registration_id
                    JOIN registration_question q ON q.id = a.question_id
                WHERE r.tenant_id = :tenant AND a.registration_id IN (:ids)
                ORDER BY r.created_at, a.registration_id, q.position""")
                .setParameter("tenant", subject.tenantId())
                .setParameter("ids", subject.registrationIds())
                .getResultList();
        return rows.stream().map(row -> ExportValues.item(FIELDS, row)).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(DataSubject subject) {
        if (subject.registrationIds().isEmpty()) {
            return 0;
        }
        return entityManager.get().createNativeQuery("""
                DELETE FROM registration_answer a USING registration r
                WHERE r.id = a.registration_id AND r.tenant_id = :tenant AND a.registration_id IN (:ids)""")
                .setParameter("tenant", subject.tenantId())
                .setParameter("ids", subject.registrationIds())
                .executeUpdate();
    }
}
