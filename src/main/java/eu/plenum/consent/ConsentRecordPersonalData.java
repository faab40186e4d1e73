package eu.plenum.consent;

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
 * The consent records whose subject is one of the person's registrations (withdrawn ones included):
 * which notice, which text version, given and withdrawn when and by whom (the person or an officer). The registration ids of a
 * {@code DataSubject} are already those of its tenant, so they scope the query. Open-viewer records
 * name only a random id with nobody behind it and are never part of a person's data.
 *
 * <p>Erasure deletes them: once the data they made lawful is gone there is nothing left to
 * demonstrate (Art. 7(1)), and what remains of the erasure is the compliance receipt. Caller's
 * transaction ({@code MANDATORY}).
 */
@ApplicationScoped
@PersonalDataColumns({"consent_record.subject_id"})
class ConsentRecordPersonalData implements PersonalDataHolder {

    private static final String[] FIELDS = {"id", "registrationId", "webinarId", "kind", "noticeVersion", "givenAt",
        "withdrawnAt", "withdrawnBy"};

    /** Looked up when used: an edge node has no persistence unit, and a static injection stops its start. */
    private final Instance<EntityManager> entityManager;

    ConsentRecordPersonalData(Instance<EntityManager> entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String category() {
        return "consent-records";
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> export(DataSubject subject) {
        if (subject.registrationIds().isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = entityManager.get().createNativeQuery("""
                SELECT id, subject_id, webinar_id, kind, notice_version, given_at, withdrawn_at, withdrawn_by FROM consent_record
                WHERE subject_kind = 'REGISTRATION' AND subject_id IN (:ids)
                ORDER BY given_at, id""")
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
        return entityManager.get().createNativeQuery(
                "DELETE FROM consent_record WHERE subject_kind = 'REGISTRATION' AND subject_id IN (:ids)")
                .setParameter("ids", subject.registrationIds())
                .executeUpdate();
    }
}
