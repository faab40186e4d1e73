package eu.plenum.liveroom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.LiveClient;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The live room's socket over real HTTP, PostgreSQL and LISTEN/NOTIFY, with a plain WebSocket client:
 * chat round trip, delete everywhere, ban (disconnected, refused again), resume after id N without gap
 * or duplicate, flooding and oversized frames, and a foreign Origin refused before the upgrade.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class LiveSocketTest {

    private static final String ORIGIN = "http://localhost:8081";

    private record Room(String webinarId, String sessionId) {
    }

    private static Room room(String title) {
        String webinarId = Attendees.recordedWebinar(title);
        return new Room(webinarId, Attendees.firstSession(webinarId));
    }

    /** A registered attendee's cookie header (registration, confirmation, Enter). */
    private static String attendeeCookie(Room room, String name) {
        String email = name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 6) + "@live.example";
        String token = Attendees.joinToken(room.webinarId(), name, email);
        String value = given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").post("/join/" + token + "/enter")
                .then().statusCode(303).extract().cookie("plenum_attendee_" + room.webinarId());
        return "plenum_attendee_" + room.webinarId() + "=" + value;
    }

    private static LiveClient attendee(Room room, String cookie, String query) {
        return LiveClient.open("/interact/sessions/" + room.sessionId() + query, "Cookie", cookie, "Origin", ORIGIN);
    }

    private static LiveClient host(Room room, String query) {
        return LiveClient.open("/api/interact/sessions/" + room.sessionId() + query, "Authorization", "Bearer " + Tokens.accessToken(Tokens.HOST));
    }

    private static Map<String, Object> chat(String text, String ref) {
        return Map.of("type", "chat.send", "text", text, "ref", ref);
    }

    @Test
    void aMessageRoundTripsADeletedOneDisappearsEverywhereAndABannedAttendeeIsDisconnectedAndRefused() {
        Room room = room("Live chat");
        String annaCookie = attendeeCookie(room, "Anna Attendee");
        String bertCookie = attendeeCookie(room, "Bert Attendee");
        try (LiveClient host = host(room, ""); LiveClient anna = attendee(room, annaCookie, ""); LiveClient bert = attendee(room, bertCookie, "")) {
            JsonNode welcome = anna.awaitType("welcome");
            assertEquals(1, welcome.path("protocol").asInt());
            assertEquals("ATTENDEE", welcome.path("you").path("role").asText());
            assertEquals("Anna Attendee", welcome.path("you").path("displayName").asText());
            assertEquals("HOST", host.awaitType("welcome").path("you").path("role").asText());
            bert.awaitType("welcome");

            anna.send(chat("Hello from Anna", "a1"));
            assertEquals("a1", anna.awaitType("ack").path("ref").asText());
            JsonNode atBert = bert.awaitEvent("chat.message");
            assertEquals("Hello from Anna", atBert.path("data").path("text").asText());
            assertEquals("Anna Attendee", atBert.path("data").path("displayName").asText());
            long messageId = host.awaitEvent("chat.message").path("id").asLong();

            // An attendee may not delete; the host deletes everywhere.
            bert.send(Map.of("type", "chat.delete", "eventId", messageId, "ref", "b1"));
            assertEquals("not-moderator", bert.awaitType("error").path("code").asText());
            host.send(Map.of("type", "chat.delete", "eventId", messageId, "ref", "h1"));
            host.awaitType("ack");
            assertEquals(messageId, anna.awaitEvent("chat.deleted").path("data").path("eventId").asLong());
            assertEquals(messageId, bert.awaitEvent("chat.deleted").path("data").path("eventId").asLong());
            // A late joiner never reads the deleted text: not in the welcome state, not in the replayed log.
            try (LiveClient late = attendee(room, attendeeCookie(room, "Lara Late"), "?after=0")) {
                JsonNode lateWelcome = late.awaitType("welcome");
                assertFalse(lateWelcome.toString().contains("Hello from Anna"), lateWelcome.toString());
                late.awaitEvent("chat.deleted");
                assertFalse(late.all().toString().contains("Hello from Anna"), late.all().toString());
            }

            // Bert writes, the host bans him by the participant id of his message.
            bert.send(chat("Spam", "b2"));
            String bertId = host.await(frame -> "Spam".equals(frame.path("data").path("text").asText()), "Bert's message")
                    .path("data").path("participantId").asText();
            host.send(Map.of("type", "moderation.ban", "participantId", bertId, "ref", "h2"));
            host.awaitType("ack");
            assertEquals("banned", bert.awaitType("error").path("code").asText());
            assertEquals(4403, bert.awaitClose());
            // Reconnecting is refused (his attendee sessions ended as well), and Anna's socket goes on.
            assertThrows(RuntimeException.class, () -> attendee(room, bertCookie, "").awaitType("welcome"));
            anna.send(chat("Still here", "a2"));
            assertEquals("Still here", host.await(frame -> "Still here".equals(frame.path("data").path("text").asText()), "Anna's message")
                    .path("data").path("text").asText());
        }
    }

    @Test
    void aReconnectingAttendeeGetsExactlyTheEventsItMissed() {
        Room room = room("Live resume");
        String cookie = attendeeCookie(room, "Rita Resume");
        try (LiveClient host = host(room, "")) {
            host.awaitType("welcome");
            long lastSeen;
            LiveClient rita = attendee(room, cookie, "");
            rita.awaitType("welcome");
            for (int i = 1; i <= 3; i++) {
                host.send(chat("before " + i, "b" + i));
            }
            lastSeen = rita.await(frame -> "before 3".equals(frame.path("data").path("text").asText()), "before 3").path("id").asLong();
            rita.close();
            List<String> missed = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                host.send(chat("missed " + i, "m" + i));
                missed.add("missed " + i);
            }
            host.await(frame -> "missed 4".equals(frame.path("data").path("text").asText()), "missed 4");
            try (LiveClient again = attendee(room, cookie, "?after=" + lastSeen)) {
                again.awaitType("welcome");
                host.send(chat("live after resume", "l1"));
                again.await(frame -> "live after resume".equals(frame.path("data").path("text").asText()), "the live message");
                List<String> texts = new ArrayList<>();
                long previous = lastSeen;
                for (JsonNode frame : again.all()) {
                    if ("event".equals(frame.path("type").asText())) {
                        assertTrue(frame.path("id").asLong() > previous, "ids ascend without duplicates: " + again.all());
                        previous = frame.path("id").asLong();
                        texts.add(frame.path("data").path("text").asText());
                    }
                }
                List<String> expected = new ArrayList<>(missed);
                expected.add("live after resume");
                assertEquals(expected, texts);
            }
        }
    }

    @Test
    void aFloodingClientIsThrottledThenDisconnectedABinaryFrameIsRefusedAndAnOversizedFrameClosesWith1009() {
        Room room = room("Live limits");
        try (LiveClient flooder = attendee(room, attendeeCookie(room, "Fred Flood"), "")) {
            flooder.awaitType("welcome");
            for (int i = 0; i < 200 && !flooder.closed.isDone(); i++) {
                try {
                    flooder.send(Map.of("type", "ping." + i));
                } catch (RuntimeException closedMeanwhile) {
                    break;
                }
            }
            assertEquals("rate-limited", flooder.await(frame -> "rate-limited".equals(frame.path("code").asText()), "rate-limited")
                    .path("code").asText());
            assertEquals(1008, flooder.awaitClose());
        }
        try (LiveClient binary = attendee(room, attendeeCookie(room, "Bin Ary"), "")) {
            binary.awaitType("welcome");
            binary.sendBinary("{\"type\":\"chat.send\",\"text\":\"hi\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("bad-frame", binary.awaitType("error").path("code").asText(), "a binary frame is answered, not dropped");
            binary.send(chat("still here", "b1"));
            assertEquals("b1", binary.awaitType("ack").path("ref").asText(), "and the socket stays open");
        }
        try (LiveClient big = attendee(room, attendeeCookie(room, "Bea Big"), "")) {
            big.awaitType("welcome");
            big.send("{\"type\":\"chat.send\",\"text\":\"" + "x".repeat(5000) + "\"}");
            assertEquals("frame-too-large", big.awaitType("error").path("code").asText());
            assertEquals(1009, big.awaitClose());
        }
    }

    @Test
    void aForeignOriginAndAStrangerAreRefusedBeforeTheUpgrade() {
        Room room = room("Live origin");
        String cookie = attendeeCookie(room, "Olga Origin");
        assertThrows(RuntimeException.class,
                () -> LiveClient.open("/interact/sessions/" + room.sessionId(), "Cookie", cookie, "Origin", "https://evil.example"));
        assertThrows(RuntimeException.class, () -> LiveClient.open("/interact/sessions/" + room.sessionId(), "Origin", ORIGIN));
        try (LiveClient same = attendee(room, cookie, "")) {
            assertEquals("welcome", same.awaitType("welcome").path("type").asText());
        }
    }
}
