package eu.plenum.media;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.WebhookReceiver;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A real room's life reaches webhook receivers: going live is session.live, the host's end is
 * session.ended (HOST_ENDED) and the finalised file recording.ready — media fires the events inside
 * the transactions that change the room, webhooks queues them there.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class RoomWebhookEventsTest {

    @Test
    void goingLiveEndingAndTheRecordingAreWebhookEvents() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String endpoint = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("/studio-events"), "regionCode", "eu-fra",
                            "events", List.of("session.live", "session.ended", "recording.ready")))
                    .post("/api/webhooks").then().statusCode(201).extract().path("id");
            try {
                LiveRoomMediaTest.Room room = LiveRoomMediaTest.openRoom("Hooked room");
                try (Browser browser = Browser.launchWithFakeMedia()) {
                    WhipPublishers publishers = new WhipPublishers(browser, "http://localhost:8081/");
                    assertEquals(201, publishers.publish(room.whipUrl(), room.key(), 320, 240).get("status"));
                    publishers.page().waitForTimeout(3_000);
                    assertEquals("ENDED", LiveRoomMediaTest.endRoom(room.id()).getString("status"));
                    publishers.page().context().close();
                }
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (ofRoom(receiver, room.id()).size() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                List<WebhookReceiver.Delivery> events = ofRoom(receiver, room.id());
                List<String> types = events.stream().map(d -> d.headers().get("Plenum-Event").get(0)).toList();
                assertTrue(types.containsAll(List.of("session.live", "session.ended", "recording.ready")), types.toString());
                assertTrue(events.stream().anyMatch(d -> d.body().contains("\"reason\":\"HOST_ENDED\"")), types.toString());
                assertTrue(events.stream().anyMatch(d -> d.body().contains("\"status\":\"COMPLETE\"")), types.toString());
            } finally {
                given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).delete("/api/webhooks/" + endpoint);
            }
        }
    }

    private static List<WebhookReceiver.Delivery> ofRoom(WebhookReceiver receiver, String roomId) {
        return receiver.deliveries().stream().filter(d -> d.body().contains(roomId)).toList();
    }
}
