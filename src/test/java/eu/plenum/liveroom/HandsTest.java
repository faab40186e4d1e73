package eu.plenum.liveroom;

import static eu.plenum.liveroom.LiveRoomFixture.frame;
import static eu.plenum.liveroom.LiveRoomFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.plenum.testsupport.PlenumTestServers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Raised hands through the handler the socket calls: the host's queue in raise order, who may lower whose hand. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class HandsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Hands hands;

    @SuppressWarnings("unchecked")
    private Map<String, Object> handsSeenBy(Participant who) {
        return (Map<String, Object>) hands.snapshot(who).get("hands");
    }

    @SuppressWarnings("unchecked")
    private List<String> queueNames(Participant moderator) {
        return ((List<Map<String, Object>>) handsSeenBy(moderator).get("queue")).stream()
                .map(hand -> (String) hand.get("displayName")).toList();
    }

    @Test
    void theQueueKeepsRaiseOrderAndOnlyModeratorsLowerOthersHands() throws Exception {
        LiveRoomFixture room = LiveRoomFixture.seed(dataSource);
        Participant ada = room.attendee("Ada First");
        Participant bob = room.attendee("Bob Second");
        Participant cyd = room.attendee("Cyd Third");
        Participant host = room.host("Hanna Host");

        hands.handle(ada, "hand.raise", frame());
        hands.handle(bob, "hand.raise", frame());
        hands.handle(cyd, "hand.raise", frame());
        refused("already-raised", () -> hands.handle(ada, "hand.raise", frame()));
        LiveRoomFixture.Logged raised = room.events("hand.raised").getFirst();
        assertEquals("ACTOR_AND_MODERATORS", raised.audience());
        assertEquals("Ada First", raised.payload().get("displayName").asText());

        assertEquals(List.of("Ada First", "Bob Second", "Cyd Third"), queueNames(host));
        assertEquals(Map.of("mine", true), handsSeenBy(bob), "an attendee sees only their own hand");
        assertEquals(Map.of("mine", false), handsSeenBy(room.attendee("Dora Watcher")));

        refused("not-moderator", () -> hands.handle(bob, "hand.lower", frame("participantId", ada.participantId().toString())));
        hands.handle(host, "hand.lower", frame("participantId", ada.participantId().toString()));
        LiveRoomFixture.Logged lowered = room.last("hand.lowered");
        assertEquals(ada.participantId(), lowered.actor(), "the owner is the actor, so the event reaches them");
        assertEquals(host.participantId().toString(), lowered.payload().get("loweredBy").asText());
        assertEquals(false, lowered.payload().has("displayName"), "the moderator's event names nobody");
        refused("not-raised", () -> hands.handle(host, "hand.lower", frame("participantId", ada.participantId().toString())));
        assertEquals(Map.of("mine", false), handsSeenBy(ada));

        hands.handle(bob, "hand.lower", frame());
        hands.handle(cyd, "hand.lower", frame("participantId", cyd.participantId().toString()));
        refused("not-raised", () -> hands.handle(cyd, "hand.lower", frame()));
        assertEquals(List.of(), queueNames(host));
        hands.handle(ada, "hand.raise", frame());
        assertEquals(List.of("Ada First"), queueNames(host), "a hand raised again joins the end of the queue");

        LiveRoomFixture elsewhere = LiveRoomFixture.seed(dataSource);
        refused("not-raised", () -> hands.handle(elsewhere.host("Other"), "hand.lower",
                frame("participantId", ada.participantId().toString())));
        assertEquals(List.of(), queueNames(elsewhere.host("Other")));
        room.assertConsecutiveIds();
    }
}
