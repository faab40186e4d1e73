package eu.plenum.liveroom;

import static eu.plenum.liveroom.LiveRoomFixture.frame;
import static eu.plenum.liveroom.LiveRoomFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PlenumTestServers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Q&A through the handler the socket calls, on real PostgreSQL: rules, audiences, tenancy, the event log. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class QuestionBoardTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    QuestionBoard board;

    private String ask(LiveRoomFixture room, Participant who, String text, boolean anonymous) throws Exception {
        board.handle(who, "question.ask", frame("text", text, "anonymous", anonymous));
        return room.last("question.asked").payload().get("questionId").asText();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> questionsSeenBy(Participant who) {
        return (List<Map<String, Object>>) board.snapshot(who).get("questions");
    }

    @Test
    void askUpvoteOnceAnswerAndDismiss() throws Exception {
        LiveRoomFixture room = LiveRoomFixture.seed(dataSource);
        Participant ada = room.attendee("Ada Asker");
        Participant bob = room.attendee("Bob Voter");
        Participant host = room.host("Hanna Host");

        String first = ask(room, ada, "  How is the media stored?  ", false);
        LiveRoomFixture.Logged asked = room.last("question.asked");
        assertEquals("EVERYONE", asked.audience());
        assertEquals("How is the media stored?", asked.payload().get("text").asText());
        assertEquals("Ada Asker", asked.payload().get("displayName").asText(), "a named question carries its author's name");
        assertEquals(ada.participantId().toString(), asked.payload().get("participantId").asText());

        board.handle(bob, "question.upvote", frame("questionId", first));
        assertEquals(1, room.last("question.upvoted").payload().get("votes").asInt());
        refused("already-upvoted", () -> board.handle(bob, "question.upvote", frame("questionId", first)));
        Participant bobOnHisPhone = new Participant(room.sessionId, room.webinarId, room.tenantId, UUID.randomUUID(),
                bob.registrationId(), bob.displayName(), Participant.Role.ATTENDEE);
        refused("already-upvoted", () -> board.handle(bobOnHisPhone, "question.upvote", frame("questionId", first)));
        refused("own-question", () -> board.handle(ada, "question.upvote", frame("questionId", first)));
        refused("not-moderator", () -> board.handle(ada, "question.answer", frame("questionId", first)));
        refused("not-moderator", () -> board.handle(bob, "question.dismiss", frame("questionId", first)));
        refused("too-long", () -> board.handle(ada, "question.ask", frame("text", "x".repeat(501))));
        refused("invalid-frame", () -> board.handle(ada, "question.ask", frame("text", " ")));
        // PostgreSQL cannot store NUL: refused like any control character, never an internal error.
        refused("invalid-frame", () -> board.handle(ada, "question.ask", frame("text", "a\u0000b")));
        refused("invalid-frame", () -> board.handle(ada, "question.ask", frame("text", "ring \u0007 the bell")));
        refused("invalid-frame", () -> board.handle(bob, "question.upvote", frame("questionId", "not-an-id")));
        refused("not-found", () -> board.handle(bob, "question.upvote", frame("questionId", UUID.randomUUID().toString())));

        String second = ask(room, bob, "Can I get the slides?", false);
        String third = ask(room, bob, "Is there a recording?", false);
        board.handle(ada, "question.upvote", frame("questionId", third));
        board.handle(host, "question.answer", frame("questionId", first));
        refused("unchanged", () -> board.handle(host, "question.answer", frame("questionId", first)));
        refused("question-closed", () -> board.handle(room.attendee("Late"), "question.upvote", frame("questionId", first)));
        board.handle(host, "question.dismiss", frame("questionId", second));
        assertEquals(first, room.last("question.answered").payload().get("questionId").asText());
        assertEquals(second, room.last("question.dismissed").payload().get("questionId").asText());

        List<Map<String, Object>> bobSees = questionsSeenBy(bob);
        assertEquals(List.of(first, third), bobSees.stream().map(question -> question.get("questionId")).toList(),
                "most votes first then oldest first, the dismissed one hidden from attendees");
        assertEquals(true, bobSees.get(0).get("upvoted"));
        assertEquals("ANSWERED", bobSees.get(0).get("status"));
        assertEquals(false, bobSees.get(0).get("mine"));
        assertEquals(true, bobSees.get(1).get("mine"));
        assertEquals(false, bobSees.get(1).get("upvoted"));
        assertEquals(List.of(first, third, second), questionsSeenBy(host).stream().map(question -> question.get("questionId")).toList(),
                "moderators also see dismissed questions");

        assertEquals(List.of("question.asked", "question.upvoted", "question.asked", "question.asked", "question.upvoted",
                "question.answered", "question.dismissed"), room.events().stream().map(LiveRoomFixture.Logged::type).toList(),
                "refused frames leave no event");
        room.assertConsecutiveIds();
    }

    @Test
    void anAnonymousQuestionNamesItsAuthorToModeratorsOnly() throws Exception {
        LiveRoomFixture room = LiveRoomFixture.seed(dataSource);
        Participant shy = room.attendee("Sam Shy");
        Participant other = room.attendee("Olga Other");
        String id = ask(room, shy, "What does it cost?", true);

        LiveRoomFixture.Logged asked = room.last("question.asked");
        assertFalse(asked.payload().has("displayName"), "no name for the room: " + asked.payload());
        assertFalse(asked.payload().has("participantId"), "no participant id either, it would link to the author's chat");
        assertTrue(asked.payload().get("anonymous").asBoolean());
        assertEquals("Sam Shy", asked.moderatorPayload().get("displayName").asText());
        assertEquals(shy.participantId().toString(), asked.moderatorPayload().get("participantId").asText());

        Map<String, Object> seenByOther = questionsSeenBy(other).getFirst();
        assertEquals(id, seenByOther.get("questionId"));
        assertFalse(seenByOther.containsKey("displayName"));
        assertFalse(seenByOther.containsKey("participantId"));
        assertEquals(true, questionsSeenBy(shy).getFirst().get("mine"));
        assertEquals("Sam Shy", questionsSeenBy(room.host("Host")).getFirst().get("displayName"));
    }

    @Test
    void aQuestionOfAnotherSessionIsNotFound() throws Exception {
        LiveRoomFixture room = LiveRoomFixture.seed(dataSource);
        LiveRoomFixture elsewhere = LiveRoomFixture.seed(dataSource);
        String id = ask(room, room.attendee("Ada"), "Mine, in room one", false);

        refused("not-found", () -> board.handle(elsewhere.attendee("Eve"), "question.upvote", frame("questionId", id)));
        refused("not-found", () -> board.handle(elsewhere.host("Other host"), "question.answer", frame("questionId", id)));
        refused("not-found", () -> board.handle(elsewhere.host("Other host"), "question.dismiss", frame("questionId", id)));
        assertEquals(List.of(), questionsSeenBy(elsewhere.attendee("Eve")));
        assertEquals(0, room.last("question.asked").payload().get("votes").asInt());
        assertEquals(1, room.count("SELECT count(*) FROM live_question WHERE id = ?::uuid AND status = 'OPEN' AND votes = 0", id));
        assertEquals(List.of(), elsewhere.events());
    }

    @Test
    void twentyParallelUpvotesCountTwentyWithConsecutiveIds() throws Exception {
        LiveRoomFixture room = LiveRoomFixture.seed(dataSource);
        String id = ask(room, room.attendee("Popular"), "Will this scale?", false);
        List<Callable<Void>> upvotes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Participant voter = room.attendee("Voter " + i);
            upvotes.add(() -> {
                board.handle(voter, "question.upvote", frame("questionId", id));
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            for (Future<Void> upvote : pool.invokeAll(upvotes)) {
                upvote.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(20, room.count("SELECT votes FROM live_question WHERE id = ?::uuid", id));
        assertEquals(20, room.count("SELECT count(*) FROM live_question_upvote WHERE question_id = ?::uuid", id));
        List<Integer> counts = room.events("question.upvoted").stream().map(event -> event.payload().get("votes").asInt()).toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList(), counts,
                "each upvote event carries the count of its commit, in id order");
        room.assertConsecutiveIds();
        assertNull(room.last("question.upvoted").moderatorPayload());
    }
}
