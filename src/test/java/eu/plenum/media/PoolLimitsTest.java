package eu.plenum.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A node runs at most {@code plenum.media.max-workers} worker processes and a tenant at most
 * {@code plenum.media.max-rooms-per-tenant} live rooms: beyond them going live is refused at once,
 * with a problem that says which limit, instead of forking JVMs until the node falls over.
 */
@QuarkusTest
@TestProfile(PoolLimitsTest.SmallNode.class)
@WithTestResource(PlenumTestServers.class)
class PoolLimitsTest {

    /** One warm worker, two processes in all, two live rooms per tenant. */
    public static class SmallNode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plenum.media.pool-size", "1", "plenum.media.max-workers", "2", "plenum.media.max-rooms-per-tenant", "2");
        }
    }

    @Test
    void goLiveBeyondTheTenantsOrTheNodesLimitIsRefusedPlainly() throws Exception {
        try (Browser browser = Browser.launchWithFakeMedia()) {
            WhipPublishers publishers = new WhipPublishers(browser, "http://localhost:8081/");
            LiveRoomMediaTest.Room first = LiveRoomMediaTest.openRoom("First of acme");
            LiveRoomMediaTest.Room second = LiveRoomMediaTest.openRoom("Second of acme");
            assertEquals(201, publishers.publish(first.whipUrl(), first.key(), 320, 240).get("status"));
            assertEquals(201, publishers.publish(second.whipUrl(), second.key(), 320, 240).get("status"));

            LiveRoomMediaTest.Room third = LiveRoomMediaTest.openRoom("Third of acme");
            whip(third.id(), third.key()).then().statusCode(429).contentType("application/problem+json")
                    .body("type", containsString("tenant-live-room-limit"));

            JsonPath globex = openRoomOfGlobex();
            whip(globex.getString("room.id"), globex.getString("streamKey")).then().statusCode(503).contentType("application/problem+json")
                    .body("type", containsString("media-node-full"))
                    .body("detail", containsString("plenum.media.max-workers"));
            given().get("/q/health").then()
                    .body("checks.find { it.name == 'Media workers' }.data.'max workers'", equalTo(2))
                    .body("checks.find { it.name == 'Media workers' }.data.busy", equalTo(2));

            given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).post("/api/rooms/" + first.id() + "/end").then().statusCode(200);
            given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).post("/api/rooms/" + second.id() + "/end").then().statusCode(200);
        }
    }

    private static JsonPath openRoomOfGlobex() {
        String webinarId = Webinars.create(Tokens.HOST_OF_GLOBEX, Webinars.sample("Globex at the limit"));
        String sessionId = given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX)).get("/api/webinars/" + webinarId)
                .then().statusCode(200).extract().path("sessions[0].id");
        return given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX)).contentType(ContentType.JSON)
                .post("/api/webinars/" + webinarId + "/sessions/" + sessionId + "/room")
                .then().statusCode(201).extract().jsonPath();
    }

    private static io.restassured.response.Response whip(String roomId, String key) {
        return given().header("Authorization", "Bearer " + key).contentType("application/sdp")
                .body(WhipEndpointTest.OFFER.getBytes(StandardCharsets.UTF_8)).post("/api/rooms/" + roomId + "/whip");
    }
}
