package eu.plenum.liveroom;

import static eu.plenum.liveroom.LiveRoomFixture.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.plenum.shared.PersonalDataHolder;
import eu.plenum.shared.PersonalDataHolder.DataSubject;
import eu.plenum.testsupport.PlenumTestServers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Questions, upvotes, poll votes and raised hands are exported and erased per person, and only that person's. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class InteractionPersonalDataTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    QuestionBoard board;

    @Inject
    Polls polls;

    @Inject
    Hands hands;

    @Inject
    @Any
    Instance<PersonalDataHolder> holders;

    private PersonalDataHolder holder(String category) {
        return holders.stream().filter(holder -> holder.category().equals(category)).findFirst()
                .orElseThrow(() -> new AssertionError("no holder for " + category));
    }

    /** Each takes part the same way: asks, upvotes the other's question, votes, raises a hand. */
    @Test
    void exportAndEraseTouchExactlyOnePersonsRows() throws Exception {
        LiveRoomFixture room = LiveRoomFixture.seed(dataSource);
        Participant erin = room.attendee("Erin Erased");
        Participant kim = room.attendee("Kim Kept");
        Participant host = room.host("Host");
        board.handle(erin, "question.ask", frame("text", "Erin's question about her company", "anonymous", true));
        String erinsQuestion = room.last("question.asked").payload().get("questionId").asText();
        board.handle(kim, "question.ask", frame("text", "Kim's question", "anonymous", false));
        String kimsQuestion = room.last("question.asked").payload().get("questionId").asText();
        board.handle(erin, "question.upvote", frame("questionId", kimsQuestion));
        board.handle(kim, "question.upvote", frame("questionId", erinsQuestion));
        polls.handle(host, "poll.create", frame("question", "Tea or coffee?", "options", List.of("Tea", "Coffee")));
        String poll = room.last("poll.created").payload().get("pollId").asText();
        polls.handle(host, "poll.open", frame("pollId", poll));
        polls.handle(erin, "poll.vote", frame("pollId", poll, "options", List.of(0)));
        polls.handle(kim, "poll.vote", frame("pollId", poll, "options", List.of(1)));
        hands.handle(erin, "hand.raise", frame());
        hands.handle(kim, "hand.raise", frame());

        DataSubject subject = new DataSubject(room.tenantId, "erin@example.org", Set.of(erin.registrationId()));
        List<Map<String, Object>> questions = holder("questions").export(subject);
        assertEquals(1, questions.size());
        assertEquals("Erin's question about her company", questions.getFirst().get("text"));
        assertEquals("Erin Erased", questions.getFirst().get("displayName"));
        assertEquals(kimsQuestion, holder("question-upvotes").export(subject).getFirst().get("questionId"));
        assertEquals(1, holder("question-upvotes").export(subject).size());
        List<Map<String, Object>> votes = holder("poll-votes").export(subject);
        assertEquals(1, votes.size());
        assertEquals("Tea", votes.getFirst().get("chosen"));
        assertEquals(1, holder("raised-hands").export(subject).size());
        assertEquals(List.of(), holder("questions").export(new DataSubject("another-tenant", "erin@example.org",
                Set.of(erin.registrationId()))), "a subject is looked up within its tenant only");

        assertEquals(1, holder("questions").erase(subject));
        assertEquals(1, holder("question-upvotes").erase(subject));
        assertEquals(1, holder("poll-votes").erase(subject));
        assertEquals(1, holder("raised-hands").erase(subject));
        for (String category : List.of("questions", "question-upvotes", "poll-votes", "raised-hands")) {
            assertEquals(List.of(), holder(category).export(subject), category + " still exported after erasure");
        }

        assertEquals(1, room.count("""
                SELECT count(*) FROM live_question WHERE id = ?::uuid AND text IS NULL AND author_name IS NULL
                AND author_participant IS NULL AND author_registration IS NULL AND erased_at IS NOT NULL AND votes = 1""",
                erinsQuestion), "Erin's question keeps no trace of her, and Kim's upvote stays");
        assertEquals(0, room.count("SELECT count(*) FROM live_question WHERE text LIKE '%Erin%' OR author_name LIKE '%Erin%'"));
        assertEquals(0, room.count("SELECT votes FROM live_question WHERE id = ?::uuid", kimsQuestion),
                "Erin's upvote no longer counts; Kim's question had only hers");

        DataSubject kept = new DataSubject(room.tenantId, "kim@example.org", Set.of(kim.registrationId()));
        assertEquals("Kim's question", holder("questions").export(kept).getFirst().get("text"));
        assertEquals(erinsQuestion, holder("question-upvotes").export(kept).getFirst().get("questionId"));
        assertEquals("Coffee", holder("poll-votes").export(kept).getFirst().get("chosen"));
        assertEquals(1, holder("raised-hands").export(kept).size());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> seen = (List<Map<String, Object>>) board.snapshot(kim).get("questions");
        assertEquals(List.of(kimsQuestion), seen.stream().map(question -> question.get("questionId")).toList(),
                "an erased question leaves the room's list");
        assertEquals(1, room.count("SELECT count(*) FROM live_poll_vote WHERE poll_id = ?::uuid", poll), "Kim's vote stays");
    }
}
