package eu.plenum.compliance.erasure;

import eu.plenum.residency.DeclaredPlaces;
import eu.plenum.residency.PlaceKind;
import eu.plenum.scheduling.Registrations;
import eu.plenum.shared.PersonalDataHolder;
import eu.plenum.shared.PersonalDataHolder.DataSubject;
import eu.plenum.shared.SubjectKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The database part of an erasure: every {@link PersonalDataHolder} erases the person in the caller's
 * one transaction (all or nothing; the backup site's database follows by replication), and the
 * person is noted as erased in this database's history, against which start-up compares the list
 * kept outside the database.
 */
@ApplicationScoped
class DatabaseErasure {

    private final Instance<PersonalDataHolder> holders;
    private final Registrations registrations;
    private final Instance<EntityManager> entityManager;
    private final DeclaredPlaces places;

    DatabaseErasure(@Any Instance<PersonalDataHolder> holders, Registrations registrations, Instance<EntityManager> entityManager,
            DeclaredPlaces places) {
        this.holders = holders;
        this.registrations = registrations;
        this.entityManager = entityManager;
        this.places = places;
    }

    /** Erases the person in every category; returns the count per category, in category order. */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<String, Integer> erase(String tenantId, String email) {
        String address = SubjectKeys.normalise(email);
        DataSubject subject = new DataSubject(tenantId, address, registrations.idsOf(tenantId, address));
        Map<String, Integer> counts = new LinkedHashMap<>();
        holders.stream().sorted(Comparator.comparing(PersonalDataHolder::category))
                .forEach(holder -> counts.put(holder.category(), holder.erase(subject)));
        return counts;
    }

    /** Notes the person as erased in this database (idempotent). */
    @Transactional(Transactional.TxType.MANDATORY)
    void noteErased(String tenantId, String subjectKey, UUID erasureId, Instant erasedAt) {
        entityManager.get().createNativeQuery("""
                INSERT INTO compliance_erased_subject (tenant_id, subject_key, erasure_id, erased_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (tenant_id, subject_key) DO NOTHING""")
                .setParameter(1, tenantId).setParameter(2, subjectKey).setParameter(3, erasureId).setParameter(4, erasedAt)
                .executeUpdate();
    }

    /** Where the database part happened, as the receipt names it. */
    String location() {
        return places.ofKind(PlaceKind.DATABASE).stream().findFirst()
                .map(place -> "database '" + place.name() + "' in " + place.region().code() + ", and its standbys by replication")
                .orElse("database");
    }
}
