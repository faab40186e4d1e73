package eu.plenum.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.WhepViewers;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every kind of worker process counts against an organisation's share of a node: with a share of
 * two, a live room (its ingest worker) and one viewer worker use it up — the next viewer is told to
 * play HLS (503) and the next go-live is refused (429), while the node itself still has room.
 */
@QuarkusTest
@TestProfile(TenantWorkerLimitTest.SmallShare.class)
@WithTestResource(PlenumTestServers.class)
class TenantWorkerLimitTest {

    /** Two worker processes per organisation, one viewer per viewer worker, a node that could run six. */
    public static class SmallShare implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plenum.media.pool-size", "1", "plenum.media.max-workers", "6", "plenum.media.max-workers-per-tenant", "2",
                    "plenum.media.viewers-per-worker", "1", "plenum.media.max-viewers-per-room", "10");
        }
    }

    @Inject
    ViewerPasses passes;

    @Test
    void viewerAndIngestWorkersCountAgainstTheOrganisationsShareOfTheNode() throws Exception {
        try (Browser browser = Browser.launchWithFakeMedia()) {
            LiveRoomMediaTest.Room room = LiveRoomMediaTest.openRoom("Uses the whole share");
            WhipPublishers publishers = new WhipPublishers(browser, "http://localhost:8081/");
            assertEquals(201, publishers.publish(room.whipUrl(), room.key(), 320, 240).get("status"));
            String whep = "http://localhost:8081/api/rooms/" + room.id() + "/whep";
            UUID roomId = UUID.fromString(room.id());
            WhepViewers viewers = new WhepViewers(browser, "http://localhost:8081/");
            assertEquals(201, viewers.watch(whep, passes.mint(roomId, UUID.randomUUID(), Duration.ofMinutes(5)), "first").get("status"));

            Map<String, Object> second = viewers.watch(whep, passes.mint(roomId, UUID.randomUUID(), Duration.ofMinutes(5)), "second");
            assertEquals(503, second.get("status"), String.valueOf(second));
            assertTrue(String.valueOf(second.get("body")).contains("viewer-capacity-full"), String.valueOf(second));
            assertTrue(String.valueOf(second.get("body")).contains("media worker processes"), String.valueOf(second));

            LiveRoomMediaTest.Room another = LiveRoomMediaTest.openRoom("One room too many");
            given().contentType("application/sdp").header("Authorization", "Bearer " + another.key())
                    .body(WhipEndpointTest.OFFER.getBytes(StandardCharsets.UTF_8)).post("/api/rooms/" + another.id() + "/whip")
                    .then().statusCode(429).contentType("application/problem+json").body("type", containsString("tenant-live-room-limit"));
            viewers.awaitPicture("first", frame -> true);
            publishers.page().context().close();
            viewers.page().context().close();
            LiveRoomMediaTest.endRoom(room.id());
        }
    }
}
