package eu.plenum.media;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With no idle worker, going live waits for a new one, visibly (room STARTING, history, pushed state), and succeeds. */
@QuarkusTest
@TestProfile(ColdGoLiveBenchmark.EmptyPool.class)
@WithTestResource(PlenumTestServers.class)
class EmptyPoolTest {

    @Test
    void goLiveWaitsForANewWorkerAndSaysSo() throws Exception {
        LiveRoomMediaTest.Room room = LiveRoomMediaTest.openRoom("Empty pool");
        CompletableFuture<String> starting = LiveRoomMediaTest.firstEvent(room.id(), line -> line.contains("\"STARTING\""));
        Thread.sleep(500);
        try (Browser browser = Browser.launchWithFakeMedia()) {
            WhipPublishers publishers = new WhipPublishers(browser, GoLiveBenchmark.APP + "/");
            Map<String, Object> published = publishers.publish(room.whipUrl(), room.key(), 640, 480);
            assertEquals(201, published.get("status"), String.valueOf(published));
            assertTrue(starting.get(5, TimeUnit.SECONDS).contains("STARTING"), "clients saw the room waiting for a worker");
            List<String> kinds = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/rooms/" + room.id())
                    .then().statusCode(200).extract().jsonPath().getList("history.kind");
            assertEquals(List.of("WAITING_FOR_WORKER", "WENT_LIVE", "PUBLISHER_JOINED"), kinds);
            publishers.unpublish((String) published.get("location"));
            GoLiveBenchmark.end(room.id());
        }
    }
}
