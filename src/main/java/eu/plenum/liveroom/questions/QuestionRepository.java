package eu.plenum.liveroom.questions;

import static eu.plenum.liveroom.domain.NativeRows.bool;
import static eu.plenum.liveroom.domain.NativeRows.instant;
import static eu.plenum.liveroom.domain.NativeRows.integer;
import static eu.plenum.liveroom.domain.NativeRows.query;
import static eu.plenum.liveroom.domain.NativeRows.uuid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Questions and upvotes, always scoped to one session (a question id of another session is not
 * found). Native SQL: the upvote relies on ON CONFLICT and the vote count on UPDATE … RETURNING.
 */
@ApplicationScoped
public class QuestionRepository {

    private static final String COLUMNS = """
            q.id, q.session_id, q.author_participant, q.author_registration, q.author_name, q.anonymous, q.text,
            q.status, q.votes, q.asked_at""";

    /** Looked up when used: an edge node has no persistence unit, and injecting it directly fails that node's start. */
    private final jakarta.enterprise.inject.Instance<EntityManager> databases;

    QuestionRepository(jakarta.enterprise.inject.Instance<EntityManager> databases) {
        this.databases = databases;
    }

    public void insert(UUID id, UUID sessionId, String tenantId, UUID participant, UUID registration, String name,
            boolean anonymous, String text, OffsetDateTime at) {
        query(database(), """
                INSERT INTO live_question (id, session_id, tenant_id, author_participant, author_registration, author_name,
                                           anonymous, text, status, asked_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'OPEN', ?9)""")
                .setParameter(1, id).setParameter(2, sessionId).setParameter(3, tenantId).setParameter(4, participant)
                .setParameter(5, registration, UUID.class).setParameter(6, name).setParameter(7, anonymous).setParameter(8, text)
                .setParameter(9, at).executeUpdate();
    }

    /** Open questions of one person (their participant, or their registration as voter) in the session. */
    public int openQuestionsOf(UUID sessionId, UUID participant, UUID voter) {
        return integer(database().createNativeQuery("""
                SELECT count(*) FROM live_question
                WHERE session_id = ?1 AND status = 'OPEN' AND (author_participant = ?2 OR author_registration = ?3)""")
                .setParameter(1, sessionId).setParameter(2, participant).setParameter(3, voter).getSingleResult());
    }

    /** The question, row-locked until the commit (status changes and vote counts of one question serialise). */
    public Optional<Question> lockInSession(UUID sessionId, UUID id) {
        List<?> rows = database().createNativeQuery("SELECT " + COLUMNS + ", false, false FROM live_question q"
                + " WHERE q.session_id = ?1 AND q.id = ?2 AND q.erased_at IS NULL FOR UPDATE")
                .setParameter(1, sessionId).setParameter(2, id).getResultList();
        return rows.stream().findFirst().map(row -> question((Object[]) row));
    }

    /** Records one person's upvote; false if they had upvoted it already. */
    public boolean addUpvote(UUID questionId, UUID voter, UUID sessionId, String tenantId, UUID participant,
            UUID registration, OffsetDateTime at) {
        return query(database(), """
                INSERT INTO live_question_upvote (question_id, voter, session_id, tenant_id, participant_id, registration_id,
                                                  created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING""")
                .setParameter(1, questionId).setParameter(2, voter).setParameter(3, sessionId).setParameter(4, tenantId)
                .setParameter(5, participant).setParameter(6, registration, UUID.class).setParameter(7, at).executeUpdate() == 1;
    }

    /** Adds one vote and returns the new count. */
    public int countUpvote(UUID questionId) {
        return integer(database().createNativeQuery("UPDATE live_question SET votes = votes + 1 WHERE id = ?1 RETURNING votes")
                .setParameter(1, questionId).getSingleResult());
    }

    public void setStatus(UUID questionId, Question.Status status) {
        database().createNativeQuery("UPDATE live_question SET status = ?2 WHERE id = ?1")
                .setParameter(1, questionId).setParameter(2, status.name()).executeUpdate();
    }

    /**
     * The session's questions as one participant sees the list: most votes first, then oldest first;
     * dismissed ones only when asked for, erased ones never.
     */
    public List<Question> listForViewer(UUID sessionId, UUID voter, UUID participant, boolean withDismissed, int limit) {
        List<?> rows = database().createNativeQuery("SELECT " + COLUMNS + """
                , EXISTS (SELECT 1 FROM live_question_upvote u WHERE u.question_id = q.id AND u.voter = ?2),
                  (q.author_participant = ?3 OR q.author_registration = ?2)
                FROM live_question q
                WHERE q.session_id = ?1 AND q.erased_at IS NULL AND (?4 OR q.status <> 'DISMISSED')
                ORDER BY q.votes DESC, q.asked_at, q.id LIMIT ?5""")
                .setParameter(1, sessionId).setParameter(2, voter).setParameter(3, participant)
                .setParameter(4, withDismissed).setParameter(5, limit).getResultList();
        return rows.stream().map(row -> question((Object[]) row)).toList();
    }

    /** Every question the registrations asked in the tenant, oldest first (for an export). */
    public List<Question> askedBy(String tenantId, Collection<UUID> registrations) {
        if (registrations.isEmpty()) {
            return List.of();
        }
        List<?> rows = database().createNativeQuery("SELECT " + COLUMNS + ", false, true FROM live_question q"
                + " WHERE q.tenant_id = ?1 AND q.author_registration IN (?2) ORDER BY q.asked_at, q.id")
                .setParameter(1, tenantId).setParameter(2, registrations).getResultList();
        return rows.stream().map(row -> question((Object[]) row)).toList();
    }

    /** Removes author and text of the registrations' questions; returns how many. */
    public int anonymiseAskedBy(String tenantId, Collection<UUID> registrations, OffsetDateTime at) {
        if (registrations.isEmpty()) {
            return 0;
        }
        return database().createNativeQuery("""
                UPDATE live_question SET author_participant = NULL, author_registration = NULL, author_name = NULL,
                                         text = NULL, erased_at = ?3
                WHERE tenant_id = ?1 AND author_registration IN (?2)""")
                .setParameter(1, tenantId).setParameter(2, registrations).setParameter(3, at).executeUpdate();
    }

    /** One upvote as exported: the question it was for and when. */
    public record Upvote(UUID questionId, UUID sessionId, UUID registrationId, java.time.Instant at) {
    }

    public List<Upvote> upvotesBy(String tenantId, Collection<UUID> registrations) {
        if (registrations.isEmpty()) {
            return List.of();
        }
        List<?> rows = database().createNativeQuery("""
                SELECT question_id, session_id, registration_id, created_at FROM live_question_upvote
                WHERE tenant_id = ?1 AND registration_id IN (?2) ORDER BY created_at, question_id""")
                .setParameter(1, tenantId).setParameter(2, registrations).getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new Upvote(uuid(row[0]), uuid(row[1]), uuid(row[2]), instant(row[3]))).toList();
    }

    /** Deletes the registrations' upvotes and lowers the counts of the questions they were for; returns how many. */
    public int deleteUpvotesBy(String tenantId, Collection<UUID> registrations) {
        if (registrations.isEmpty()) {
            return 0;
        }
        List<?> questions = database().createNativeQuery("""
                DELETE FROM live_question_upvote WHERE tenant_id = ?1 AND registration_id IN (?2) RETURNING question_id""")
                .setParameter(1, tenantId).setParameter(2, registrations).getResultList();
        for (Object question : questions) {
            database().createNativeQuery("UPDATE live_question SET votes = greatest(votes - 1, 0) WHERE id = ?1")
                    .setParameter(1, uuid(question)).executeUpdate();
        }
        return questions.size();
    }

    private static Question question(Object[] row) {
        return new Question(uuid(row[0]), uuid(row[1]), uuid(row[2]), uuid(row[3]), (String) row[4], bool(row[5]),
                (String) row[6], Question.Status.valueOf((String) row[7]), integer(row[8]), instant(row[9]),
                bool(row[10]), bool(row[11]));
    }

    private EntityManager database() {
        return databases.get();
    }
}
