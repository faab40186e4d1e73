package eu.plenum.liveroom;

import static eu.plenum.liveroom.LiveRoomFixture.frame;
import static eu.plenum.liveroom.LiveRoomFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.plenum.testsupport.PlenumTestServers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Polls through the handler the socket calls, on real PostgreSQL: lifecycle, one vote per person, who sees results when. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class PollsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Polls polls;

    @Inject
    PollResultsFlush flush;

    private String create(LiveRoomFixture room, Participant host, boolean multiple, String... options) throws Exception {
        polls.handle(host, "poll.create", frame("question", "Which region?", "options", List.of(options), "multiple", multiple));
        return room.last("poll.created").payload().get("pollId").asText();
    }

    /** Flushes, then waits (the scheduled flush may be publishing the same poll) for results counting {@code voters}. */
    private LiveRoomFixture.Logged resultsWith(LiveRoomFixture room, String pollId, int voters) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            flush.flush();
            LiveRoomFixture.Logged results = room.events("poll.results").stream()
                    .filter(event -> event.payload().get("pollId").asText().equals(pollId)).reduce((a, b) -> b).orElse(null);
            if (results != null && results.payload().get("voters").asInt() == voters) {
                return results;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no results with " + voters + " voters; last: " + (results == null ? null : results.payload()));
            }
            Thread.sleep(100);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> pollSeenBy(Participant who, String pollId) {
        return ((List<Map<String, Object>>) polls.snapshot(who).get("polls")).stream()
                .filter(poll -> poll.get("pollId").equals(pollId)).findFirst().orElse(null);
    }

    private static List<Integer> counts(JsonNode payload) {
        List<Integer> counts = new ArrayList<>();
        payload.get("counts").forEach(count -> counts.add(count.asInt()));
        return counts;
    }

    @Test
    void createOpenVoteOnceShareAndClose() throws Exception {
        LiveRoomFixture room = LiveRoomFixture.seed(dataSource);
        Participant host = room.host("Hanna Host");
        Participant ada = room.attendee("Ada");
        Participant bob = room.attendee("Bob");

        refused("not-moderator", () -> polls.handle(ada, "poll.create", frame("question", "Q?", "options", List.of("a", "b"))));
        refused("invalid-poll", () -> polls.handle(host, "poll.create", frame("question", "Q?", "options", List.of("only"))));
        refused("invalid-poll", () -> polls.handle(host, "poll.create", frame("question", "Q?",
                "options", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"))));
        refused("too-long", () -> polls.handle(host, "poll.create", frame("question", "Q?", "options", List.of("a", "b".repeat(121)))));
        refused("too-long", () -> polls.handle(host, "poll.create", frame("question", "q".repeat(301), "options", List.of("a", "b"))));
        // PostgreSQL cannot store NUL: refused like any control character, never an internal error.
        refused("invalid-frame", () -> polls.handle(host, "poll.create", frame("question", "Q\u0000?", "options", List.of("a", "b"))));
        refused("invalid-poll", () -> polls.handle(host, "poll.create", frame("question", "Q?", "options", List.of("a", "b\u0000"))));

        String poll = create(room, host, false, "Frankfurt", "Paris");
        assertEquals("MODERATORS", room.last("poll.created").audience(), "a draft is for moderators only");
        assertNull(pollSeenBy(ada, poll), "attendees do not see drafts");
        refused("poll-not-open", () -> polls.handle(ada, "poll.vote", frame("pollId", poll, "options", List.of(0))));
        refused("not-moderator", () -> polls.handle(ada, "poll.open", frame("pollId", poll)));

        polls.handle(host, "poll.open", frame("pollId", poll));
        LiveRoomFixture.Logged opened = room.last("poll.opened");
        assertEquals("EVERYONE", opened.audience());
        assertEquals("Paris", opened.payload().get("options").get(1).asText());
        refused("poll-not-draft", () -> polls.handle(host, "poll.open", frame("pollId", poll)));

        refused("invalid-vote", () -> polls.handle(ada, "poll.vote", frame("pollId", poll, "options", List.of(0, 1))));
        refused("invalid-vote", () -> polls.handle(ada, "poll.vote", frame("pollId", poll, "options", List.of(2))));
        refused("invalid-vote", () -> polls.handle(ada, "poll.vote", frame("pollId", poll, "options", List.of())));
        refused("invalid-vote", () -> polls.handle(ada, "poll.vote", frame("pollId", poll, "options", List.of("0"))));
        polls.handle(ada, "poll.vote", frame("pollId", poll, "options", List.of(1)));
        refused("already-voted", () -> polls.handle(ada, "poll.vote", frame("pollId", poll, "options", List.of(0))));

        LiveRoomFixture.Logged live = resultsWith(room, poll, 1);
        assertEquals("MODERATORS", live.audience(), "results before sharing are for moderators");
        assertEquals(List.of(0, 1), counts(live.payload()));
        Map<String, Object> adaSees = pollSeenBy(ada, poll);
        assertEquals(List.of(1), adaSees.get("myVote"));
        assertFalse(adaSees.containsKey("counts"), "no results for attendees before sharing: " + adaSees);
        assertNull(pollSeenBy(bob, poll).get("myVote"));
        assertEquals(List.of(0, 1), pollSeenBy(host, poll).get("counts"));

        refused("not-moderator", () -> polls.handle(ada, "poll.share", frame("pollId", poll)));
        polls.handle(host, "poll.share", frame("pollId", poll));
        LiveRoomFixture.Logged shared = room.last("poll.results");
        assertEquals("EVERYONE", shared.audience(), "shared results reach everyone");
        assertTrue(shared.payload().get("shared").asBoolean());
        refused("unchanged", () -> polls.handle(host, "poll.share", frame("pollId", poll)));
        assertEquals(List.of(0, 1), pollSeenBy(ada, poll).get("counts"));

        polls.handle(bob, "poll.vote", frame("pollId", poll, "options", List.of(0)));
        LiveRoomFixture.Logged afterShare = resultsWith(room, poll, 2);
        assertEquals("EVERYONE", afterShare.audience());
        assertEquals(List.of(1, 1), counts(afterShare.payload()));

        polls.handle(host, "poll.close", frame("pollId", poll));
        assertEquals(poll, room.last("poll.closed").payload().get("pollId").asText());
        LiveRoomFixture.Logged closing = room.last("poll.results");
        assertTrue(closing.payload().get("final").asBoolean(), "closing publishes the final results");
        assertEquals("EVERYONE", closing.audience());
        refused("poll-not-open", () -> polls.handle(room.attendee("Late"), "poll.vote", frame("pollId", poll, "options", List.of(0))));
        refused("poll-not-open", () -> polls.handle(host, "poll.close", frame("pollId", poll)));
        assertEquals("CLOSED", pollSeenBy(ada, poll).get("status"), "a closed shared poll stays in the attendees' state");
        room.assertConsecutiveIds();
    }

    @Test
    void aClosedUnsharedPollLeavesTheAttendeesStateAndMultipleChoiceCountsEachOption() throws Exception {
        LiveRoomFixture room = LiveRoomFixture.seed(dataSource);
        Participant host = room.host("Host");
        Participant ada = room.attendee("Ada");
        String poll = create(room, host, true, "Audio", "Video", "Chat");
        polls.handle(host, "poll.open", frame("pollId", poll));
        polls.handle(ada, "poll.vote", frame("pollId", poll, "options", List.of(2, 0)));
        assertEquals(List.of(0, 2), pollSeenBy(ada, poll).get("myVote"));
        polls.handle(host, "poll.close", frame("pollId", poll));
        LiveRoomFixture.Logged closing = room.last("poll.results");
        assertEquals("MODERATORS", closing.audience(), "unshared final results stay with moderators");
        assertEquals(List.of(1, 0, 1), counts(closing.payload()));
        assertNull(pollSeenBy(ada, poll));
        assertEquals("CLOSED", pollSeenBy(host, poll).get("status"));
        flush.flush();
        assertTrue(room.last("poll.results").payload().get("final").asBoolean(), "a flush after the close publishes nothing");
    }

    @Test
    void aPollOfAnotherSessionIsNotFound() throws Exception {
        LiveRoomFixture room = LiveRoomFixture.seed(dataSource);
        LiveRoomFixture elsewhere = LiveRoomFixture.seed(dataSource);
        String poll = create(room, room.host("Host"), false, "Yes", "No");
        polls.handle(room.host("Host"), "poll.open", frame("pollId", poll));
        refused("not-found", () -> polls.handle(elsewhere.attendee("Eve"), "poll.vote", frame("pollId", poll, "options", List.of(0))));
        refused("not-found", () -> polls.handle(elsewhere.host("Other"), "poll.close", frame("pollId", poll)));
        refused("not-found", () -> polls.handle(elsewhere.host("Other"), "poll.share", frame("pollId", poll)));
        assertEquals(List.of(), polls.snapshot(elsewhere.host("Other")).get("polls"));
        assertEquals(List.of(), elsewhere.events());
    }

    @Test
    void twentyParallelVotesCountTwenty() throws Exception {
        LiveRoomFixture room = LiveRoomFixture.seed(dataSource);
        Participant host = room.host("Host");
        String poll = create(room, host, false, "Yes", "No");
        polls.handle(host, "poll.open", frame("pollId", poll));
        List<Callable<Void>> votes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Participant voter = room.attendee("Voter " + i);
            int choice = i % 4 == 0 ? 1 : 0;
            votes.add(() -> {
                polls.handle(voter, "poll.vote", frame("pollId", poll, "options", List.of(choice)));
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            for (Future<Void> vote : pool.invokeAll(votes)) {
                vote.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(20, room.count("SELECT count(*) FROM live_poll_vote WHERE poll_id = ?::uuid", poll));
        assertEquals(List.of(15, 5), counts(resultsWith(room, poll, 20).payload()));
        long resultEvents = room.events("poll.results").size();
        assertTrue(resultEvents <= 20, "votes are coalesced into at most one results event per flush: " + resultEvents);
        polls.handle(host, "poll.close", frame("pollId", poll));
        assertEquals(List.of(15, 5), counts(room.last("poll.results").payload()));
        room.assertConsecutiveIds();
        assertEquals(UUID.fromString(poll), UUID.fromString(room.last("poll.closed").payload().get("pollId").asText()));
    }
}
