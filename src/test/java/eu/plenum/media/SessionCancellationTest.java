package eu.plenum.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a session reaches its live room (scheduling tells media through an event): a live room
 * ends with its recording finalised, and the room's stream key stops working, live or not.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class SessionCancellationTest {

    @Test
    void cancellingALiveSessionEndsItsRoomAndRetiresItsStreamKey() throws Exception {
        LiveRoomMediaTest.Room room = LiveRoomMediaTest.openRoom("Cancelled while live");
        try (Browser browser = Browser.launchWithFakeMedia()) {
            WhipPublishers publishers = new WhipPublishers(browser, "http://localhost:8081/");
            assertEquals(201, publishers.publish(room.whipUrl(), room.key(), 320, 240).get("status"));
            publishers.page().waitForTimeout(3_000);
            String sessionId = LiveRoomMediaTest.room(room.id()).getString("sessionId");
            given().auth().oauth2(Tokens.accessToken(Tokens.HOST))
                    .post("/api/webinars/" + room.webinarId() + "/sessions/" + sessionId + "/cancel").then().statusCode(200);

            JsonPath ended = LiveRoomMediaTest.awaitRoom(room.id(), state -> "ENDED".equals(state.getString("status")),
                    Duration.ofSeconds(60));
            assertEquals("CANCELLED", ended.getString("endedReason"), ended.prettify());
            List<Map<String, Object>> recordings = ended.getList("recordings");
            assertEquals("COMPLETE", recordings.get(0).get("status"), "the recording was finalised: " + recordings);
            publishers.page().context().close();
        }
        whip(room.id(), room.key()).then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("session-cancelled"));
    }

    @Test
    void aRoomThatNeverWentLiveLosesItsKeyWhenTheWebinarIsCancelled() throws Exception {
        LiveRoomMediaTest.Room room = LiveRoomMediaTest.openRoom("Cancelled before going live");
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).post("/api/webinars/" + room.webinarId() + "/cancel")
                .then().statusCode(200);
        JsonPath cancelled = LiveRoomMediaTest.awaitRoom(room.id(), state -> state.getBoolean("cancelled"), Duration.ofSeconds(30));
        assertEquals(true, cancelled.getBoolean("cancelled"), "the room learnt of the cancellation: " + cancelled.prettify());
        whip(room.id(), room.key()).then().statusCode(409).body("type", containsString("session-cancelled"));
        assertEquals("READY", LiveRoomMediaTest.room(room.id()).getString("status"), "nothing went live");
    }

    private static io.restassured.response.Response whip(String roomId, String key) {
        return given().header("Authorization", "Bearer " + key).contentType("application/sdp")
                .body(WhipEndpointTest.OFFER.getBytes(StandardCharsets.UTF_8)).post("/api/rooms/" + roomId + "/whip");
    }
}
