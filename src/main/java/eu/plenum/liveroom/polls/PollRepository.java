package eu.plenum.liveroom.polls;

import static eu.plenum.liveroom.domain.NativeRows.bool;
import static eu.plenum.liveroom.domain.NativeRows.instant;
import static eu.plenum.liveroom.domain.NativeRows.integer;
import static eu.plenum.liveroom.domain.NativeRows.query;
import static eu.plenum.liveroom.domain.NativeRows.uuid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Polls and votes, always scoped to one session (a poll id of another session is not found). */
@ApplicationScoped
public class PollRepository {

    private static final String COLUMNS = """
            p.id, p.session_id, p.tenant_id, p.question, CAST(p.options AS text), p.multiple, p.status, p.shared, p.created_at""";
    private static final TypeReference<List<String>> LABELS = new TypeReference<>() { };
    private static final TypeReference<List<Integer>> POSITIONS = new TypeReference<>() { };

    /** Looked up when used: an edge node has no persistence unit, and injecting it directly fails that node's start. */
    private final jakarta.enterprise.inject.Instance<EntityManager> databases;
    private final ObjectMapper json;

    PollRepository(jakarta.enterprise.inject.Instance<EntityManager> databases, ObjectMapper json) {
        this.databases = databases;
        this.json = json;
    }

    public void insert(UUID id, UUID sessionId, String tenantId, String question, List<String> options, boolean multiple,
            OffsetDateTime at) {
        database().createNativeQuery("""
                INSERT INTO live_poll (id, session_id, tenant_id, question, options, multiple, status, created_at)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), ?6, 'DRAFT', ?7)""")
                .setParameter(1, id).setParameter(2, sessionId).setParameter(3, tenantId).setParameter(4, question)
                .setParameter(5, write(options)).setParameter(6, multiple).setParameter(7, at).executeUpdate();
    }

    /** The poll, locked for a change of its state (waits for votes in flight). */
    public Optional<Poll> lockForChange(UUID sessionId, UUID id) {
        return one(sessionId, id, "FOR UPDATE");
    }

    /** The poll, locked against a change of its state until the commit: a vote never lands in a closed poll. */
    public Optional<Poll> lockForVote(UUID sessionId, UUID id) {
        return one(sessionId, id, "FOR SHARE");
    }

    private Optional<Poll> one(UUID sessionId, UUID id, String lock) {
        List<?> rows = database().createNativeQuery("SELECT " + COLUMNS + " FROM live_poll p WHERE p.session_id = ?1 AND p.id = ?2 "
                + lock).setParameter(1, sessionId).setParameter(2, id).getResultList();
        return rows.stream().findFirst().map(row -> poll((Object[]) row));
    }

    public void open(UUID id, OffsetDateTime at) {
        database().createNativeQuery("UPDATE live_poll SET status = 'OPEN', opened_at = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, at).executeUpdate();
    }

    public void close(UUID id, OffsetDateTime at) {
        database().createNativeQuery("UPDATE live_poll SET status = 'CLOSED', closed_at = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, at).executeUpdate();
    }

    public void share(UUID id) {
        database().createNativeQuery("UPDATE live_poll SET shared = true WHERE id = ?1").setParameter(1, id).executeUpdate();
    }

    /** Records one person's vote; false if they had voted in this poll already. */
    public boolean addVote(UUID pollId, UUID voter, UUID sessionId, String tenantId, UUID participant, UUID registration,
            List<Integer> options, OffsetDateTime at) {
        return query(database(), """
                INSERT INTO live_poll_vote (poll_id, voter, session_id, tenant_id, participant_id, registration_id, options,
                                            voted_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8) ON CONFLICT DO NOTHING""")
                .setParameter(1, pollId).setParameter(2, voter).setParameter(3, sessionId).setParameter(4, tenantId)
                .setParameter(5, participant).setParameter(6, registration, UUID.class).setParameter(7, write(options))
                .setParameter(8, at).executeUpdate() == 1;
    }

    /** Counted from the votes themselves (no hot counter row that every vote would queue on). */
    public PollResults results(Poll poll) {
        int voters = integer(database().createNativeQuery("SELECT count(*) FROM live_poll_vote WHERE poll_id = ?1")
                .setParameter(1, poll.id()).getSingleResult());
        List<Integer> counts = new ArrayList<>(Collections.nCopies(poll.options().size(), 0));
        List<?> rows = database().createNativeQuery("""
                SELECT CAST(chosen AS integer), count(*) FROM live_poll_vote v
                CROSS JOIN LATERAL jsonb_array_elements_text(v.options) AS chosen
                WHERE v.poll_id = ?1 GROUP BY 1""").setParameter(1, poll.id()).getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            int position = integer(columns[0]);
            if (position >= 0 && position < counts.size()) {
                counts.set(position, integer(columns[1]));
            }
        }
        return new PollResults(voters, counts);
    }

    /** The session's polls, oldest first; all of them, or only the open ones and the closed shared ones. */
    public List<Poll> inSession(UUID sessionId, boolean all) {
        List<?> rows = database().createNativeQuery("SELECT " + COLUMNS + """
                 FROM live_poll p WHERE p.session_id = ?1 AND (?2 OR p.status = 'OPEN' OR (p.status = 'CLOSED' AND p.shared))
                ORDER BY p.created_at, p.id""").setParameter(1, sessionId).setParameter(2, all).getResultList();
        return rows.stream().map(row -> poll((Object[]) row)).toList();
    }

    /** What one person chose in each poll of the session they voted in. */
    public Map<UUID, List<Integer>> votesOf(UUID sessionId, UUID voter) {
        Map<UUID, List<Integer>> votes = new HashMap<>();
        List<?> rows = database().createNativeQuery("SELECT poll_id, CAST(options AS text) FROM live_poll_vote WHERE session_id = ?1 AND voter = ?2")
                .setParameter(1, sessionId).setParameter(2, voter).getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            votes.put(uuid(columns[0]), read((String) columns[1], POSITIONS));
        }
        return votes;
    }

    /** One vote as exported. */
    public record Vote(UUID pollId, UUID sessionId, UUID registrationId, String question, List<String> chosen, Instant at) {
    }

    public List<Vote> votesBy(String tenantId, Collection<UUID> registrations) {
        if (registrations.isEmpty()) {
            return List.of();
        }
        List<?> rows = database().createNativeQuery("""
                SELECT v.poll_id, v.session_id, v.registration_id, p.question, CAST(p.options AS text), CAST(v.options AS text), v.voted_at
                FROM live_poll_vote v JOIN live_poll p ON p.id = v.poll_id
                WHERE v.tenant_id = ?1 AND v.registration_id IN (?2) ORDER BY v.voted_at, v.poll_id""")
                .setParameter(1, tenantId).setParameter(2, registrations).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(row -> {
            List<String> labels = read((String) row[4], LABELS);
            List<String> chosen = read((String) row[5], POSITIONS).stream()
                    .filter(position -> position >= 0 && position < labels.size()).map(labels::get).toList();
            return new Vote(uuid(row[0]), uuid(row[1]), uuid(row[2]), (String) row[3], chosen, instant(row[6]));
        }).toList();
    }

    public int deleteVotesBy(String tenantId, Collection<UUID> registrations) {
        if (registrations.isEmpty()) {
            return 0;
        }
        return database().createNativeQuery("DELETE FROM live_poll_vote WHERE tenant_id = ?1 AND registration_id IN (?2)")
                .setParameter(1, tenantId).setParameter(2, registrations).executeUpdate();
    }

    private Poll poll(Object[] row) {
        return new Poll(uuid(row[0]), uuid(row[1]), (String) row[2], (String) row[3], read((String) row[4], LABELS),
                bool(row[5]), Poll.Status.valueOf((String) row[6]), bool(row[7]), instant(row[8]));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable poll column", e);
        }
    }

    private EntityManager database() {
        return databases.get();
    }
}
