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
        CompletableFuture<String> starting = subscribedFirstEvent(room.id(), line -> line.contains("\"STARTING\""));
        try (Browser browser = Browser.launchWithFakeMedia()) {
            WhipPublishers publishers = new WhipPublishers(browser, GoLiveBenchmark.APP + "/");
            Map<String, Object> published = publishers.publish(room.whipUrl(), room.key(), 640, 480);
            assertEquals(201, published.get("status"), String.valueOf(published));
            assertTrue(starting.get(60, TimeUnit.SECONDS).contains("STARTING"), "clients saw the room waiting for a worker");
            List<String> kinds = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/rooms/" + room.id())
                    .then().statusCode(200).extract().jsonPath().getList("history.kind");
            assertEquals(List.of("WAITING_FOR_WORKER", "WENT_LIVE", "PUBLISHER_JOINED"), kinds);
            publishers.unpublish((String) published.get("location"));
            GoLiveBenchmark.end(room.id());
        }
    }

    /**
     * Subscribes to the room's server-sent events and returns once the server answered with the
     * stream's headers (it subscribes to the room's signals as it sends them), instead of pausing
     * and hoping the subscription is in place before the room changes.
     */
    private static CompletableFuture<String> subscribedFirstEvent(String roomId, java.util.function.Predicate<String> wanted)
            throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(GoLiveBenchmark.APP + "/api/rooms/" + roomId + "/events"))
                .header("Authorization", "Bearer " + Tokens.accessToken(Tokens.HOST)).build();
        java.net.http.HttpResponse<java.io.InputStream> response = java.net.http.HttpClient.newHttpClient()
                .sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream()).get(60, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        return CompletableFuture.supplyAsync(() -> {
            try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(response.body()))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (wanted.test(line)) {
                        return line;
                    }
                }
                return "";
            } catch (java.io.IOException e) {
                return "";
            }
        });
    }
}
