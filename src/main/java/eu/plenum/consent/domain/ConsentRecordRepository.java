package eu.plenum.consent.domain;

import eu.plenum.consent.ConsentKind;
import eu.plenum.consent.ConsentSubject;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ConsentRecordRepository implements PanacheRepositoryBase<ConsentRecord, UUID> {

    /** Stores a standing record unless one with this subject, kind and text version stands already (no duplicate on repeat). */
    public void give(ConsentSubject subject, UUID webinarId, ConsentKind kind, String version, Instant now) {
        getEntityManager().createNativeQuery("""
                INSERT INTO consent_record (id, subject_kind, subject_id, webinar_id, kind, notice_version, given_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON CONFLICT (subject_id, kind, notice_version) WHERE withdrawn_at IS NULL DO NOTHING""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, subject.kind().name()).setParameter(3, subject.id())
                .setParameter(4, webinarId).setParameter(5, kind.name()).setParameter(6, version).setParameter(7, now)
                .executeUpdate();
    }

    public List<ConsentRecord> standing(UUID subjectId, ConsentKind kind) {
        return list("subjectId = ?1 and kind = ?2 and withdrawnAt is null", subjectId, kind);
    }

    public List<ConsentRecord> ofSubject(UUID subjectId) {
        return list("subjectId = ?1 order by givenAt, id", subjectId);
    }

    public Set<UUID> subjectsWith(UUID webinarId, ConsentKind kind) {
        return new HashSet<>(getEntityManager().createQuery(
                        "select c.subjectId from ConsentRecord c where c.webinarId = ?1 and c.kind = ?2 and c.withdrawnAt is null", UUID.class)
                .setParameter(1, webinarId).setParameter(2, kind).getResultList());
    }
}
