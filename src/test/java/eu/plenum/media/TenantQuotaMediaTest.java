package eu.plenum.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.PageSessions;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.WhepViewers;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tenant quotas where the media work happens, with a real WHIP publisher and WHEP viewers in Chromium: with a
 * quota of one live room the second go-live is refused with the quota's problem and the console shows 1/1; with a
 * WebRTC-viewers quota of one the second viewer gets the capacity answer (play HLS); the platform overview shows
 * the live room and its viewer (screenshot under target/screenshots/).
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class TenantQuotaMediaTest {

    @Inject
    ViewerPasses passes;
    @Inject
    io.agroal.api.AgroalDataSource database;

    private static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    private static void quotas(String tenant, Map<String, Object> values) {
        given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).contentType(ContentType.JSON).body(values)
                .put("/api/admin/tenants/" + tenant + "/quotas").then().statusCode(200);
    }

    /** Ends, as their host does, every room of the tenant that is live or going live. */
    private void endLiveRooms(String tenant) throws java.sql.SQLException {
        java.util.List<String> live = new java.util.ArrayList<>();
        try (java.sql.Connection connection = database.getConnection();
                java.sql.PreparedStatement select = connection.prepareStatement(
                        "SELECT id::text FROM live_room WHERE tenant_id = ? AND status IN ('LIVE', 'STARTING')")) {
            select.setString(1, tenant);
            try (java.sql.ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    live.add(rows.getString(1));
                }
            }
        }
        live.forEach(LiveRoomMediaTest::endRoom);
    }

    @Test
    void oneLiveRoomAndOneWebRtcViewerAreEnforcedAndShownToTheOperator() throws Exception {
        String tenant = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/me").then().statusCode(200)
                .extract().path("tenant.id");
        endLiveRooms(tenant); // rooms earlier tests of the suite left live would count against the quota of one
        quotas(tenant, Map.of("liveRooms", 1, "webrtcViewersPerRoom", 1));
        try (Browser browser = Browser.launchWithFakeMedia()) {
            LiveRoomMediaTest.Room room = LiveRoomMediaTest.openRoom("Quota: the one live room");
            WhipPublishers publishers = new WhipPublishers(browser, base() + "/");
            assertEquals(201, publishers.publish(room.whipUrl(), room.key(), 320, 240).get("status"));
            String whep = base() + "/api/rooms/" + room.id() + "/whep";
            UUID roomId = UUID.fromString(room.id());
            WhepViewers viewers = new WhepViewers(browser, base() + "/");
            assertEquals(201, viewers.watch(whep, passes.mint(roomId, UUID.randomUUID(), Duration.ofMinutes(5)), "first").get("status"));

            // The node could place many more; the tenant's quota of one sends the second viewer to HLS.
            Map<String, Object> second = viewers.watch(whep, passes.mint(roomId, UUID.randomUUID(), Duration.ofMinutes(5)), "second");
            assertEquals(503, second.get("status"), String.valueOf(second));
            assertTrue(String.valueOf(second.get("body")).contains("viewer-capacity-full"), String.valueOf(second));

            // A second room of the tenant may not go live: the quota's problem names it, its limit and the usage.
            LiveRoomMediaTest.Room another = LiveRoomMediaTest.openRoom("Quota: one room too many");
            given().contentType("application/sdp").header("Authorization", "Bearer " + another.key())
                    .body(WhipEndpointTest.OFFER.getBytes(StandardCharsets.UTF_8)).post("/api/rooms/" + another.id() + "/whip")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:plenum:problem:quota-exceeded")).body("quota.name", equalTo("live-rooms"))
                    .body("quota.limit", equalTo(1)).body("quota.usage", equalTo(1));
            given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).get("/api/admin/tenants/" + tenant + "/quotas").then()
                    .statusCode(200).body("find { it.quota == 'live-rooms' }.usage", equalTo(1))
                    .body("find { it.quota == 'live-rooms' }.overridden", equalTo(true));

            String operator = PageSessions.signIn(base(), Tokens.ADMIN);
            String page = given().header("Cookie", operator).get("/console/tenants/" + tenant).then().statusCode(200).extract().asString();
            assertTrue(page.contains("data-testid=\"quota-usage-live-rooms\">1/1<"), "the console shows usage 1/1 of live rooms");
            assertTrue(page.contains("data-testid=\"quota-reached-live-rooms\""), "the console marks the quota reached");

            viewers.awaitPicture("first", frame -> true);
            Page overview = browser.signIn(base() + "/", Tokens.ADMIN, "en");
            overview.navigate(base() + "/console");
            overview.waitForSelector("body[data-charts='drawn']");
            assertTrue(Integer.parseInt(overview.getByTestId("overview-live-rooms").textContent().strip()) >= 1);
            assertTrue(Integer.parseInt(overview.getByTestId("overview-viewers").textContent().strip()) >= 1);
            Browser.screenshot(overview, "console-platform-overview");
            publishers.page().context().close();
            viewers.page().context().close();
            LiveRoomMediaTest.endRoom(room.id());
        } finally {
            Map<String, Object> defaults = new HashMap<>();
            defaults.put("liveRooms", null);
            defaults.put("webrtcViewersPerRoom", null); // the suite's later tests watch with more than one viewer
            quotas(tenant, defaults);
        }
        // Back to the default: the other room goes live-able again (the check passes; the bare offer is the worker's to refuse).
        given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).get("/api/admin/tenants/" + tenant + "/quotas").then()
                .statusCode(200).body("find { it.quota == 'live-rooms' }.overridden", equalTo(false));
    }
}
