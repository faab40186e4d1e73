package eu.plenum.audience;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.VideoFrames;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an attendee's page shows follows the room's stage (real Chromium, real WHIP and WHEP): a host
 * who goes live with the camera off is heard, and seen once the camera comes on; a screen share
 * started later takes the stage; the host pins the camera back; the page never reloads. Viewer
 * workers' tracks are fixed, so each of these builds new ones and the page reconnects to them.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class StageJourneyTest {

    private static final String APP = "http://localhost:8081";
    private static final LocatorAssertions.HasAttributeOptions SLOW = new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);

    /** The camera sends 4:3, the screen share 16:9: told apart by shape (a sender may scale its resolution down, never its shape). */
    private static final double CAMERA_SHAPE = 4.0 / 3;
    private static final double SCREEN_SHAPE = 16.0 / 9;

    private static Browser browser;

    @BeforeAll
    static void chromium() {
        browser = Browser.launchWithFakeMedia();
    }

    @AfterAll
    static void closeChromium() {
        browser.close();
    }

    @Test
    void theAttendeesPageFollowsALateCameraAScreenShareAndThePinnedVideo() throws Exception {
        String webinarId = Attendees.recordedWebinar("Stage journey");
        String token = Attendees.joinToken(webinarId, "Stella Stage", "stella@audience.example");
        String sessionId = Attendees.firstSession(webinarId);
        JsonPath opened = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                .post("/api/webinars/" + webinarId + "/sessions/" + sessionId + "/room").then().statusCode(201).extract().jsonPath();
        String roomId = opened.getString("room.id");

        // The host goes live with the camera off: the attendee hears the room (WHEP, audio only).
        WhipPublishers host = new WhipPublishers(browser, APP + "/");
        Map<String, Object> camera = host.publish(opened.getString("room.whipUrl"), opened.getString("streamKey"), 0, 0);
        assertEquals(201, camera.get("status"), camera.toString());
        Page stella = browser.newPage("en");
        stella.navigate(APP + "/join/" + token);
        stella.getByTestId("enter").click();
        stella.waitForURL(url -> url.contains("/attend/"));
        stella.evaluate("() => { window.plenumSamePage = true; }");
        assertThat(stella.getByTestId("player-state")).hasAttribute("data-state", "live", SLOW);
        assertThat(stella.getByTestId("player-state")).hasAttribute("data-transport", "whep", SLOW);

        // The camera comes on: the stage moves, the page reconnects and shows it.
        host.cameraOn((String) camera.get("location"), 320, 240);
        System.out.println("late camera: " + VideoFrames.awaitPlayingShape(stella, "#player", CAMERA_SHAPE));

        // A screen share (a second publisher, started later) takes the stage.
        WhipPublishers screen = new WhipPublishers(browser, APP + "/");
        Map<String, Object> shared = screen.publishScreen(opened.getString("room.whipUrl"), opened.getString("streamKey"), 640, 360);
        assertEquals(201, shared.get("status"), shared.toString());
        System.out.println("screen share: " + VideoFrames.awaitPlayingShape(stella, "#player", SCREEN_SHAPE));

        // The host pins the camera: it is back on the stage while the screen share goes on.
        String cameraLocation = (String) camera.get("location");
        String cameraPublisher = cameraLocation.substring(cameraLocation.lastIndexOf('/') + 1);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON).body(Map.of("video", cameraPublisher))
                .put("/api/rooms/" + roomId + "/stage").then().statusCode(204);
        System.out.println("pinned camera: " + VideoFrames.awaitPlayingShape(stella, "#player", CAMERA_SHAPE));

        // Only a publisher of this room can be pinned; another tenant's host cannot touch the room.
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                .body(Map.of("video", java.util.UUID.randomUUID().toString()))
                .put("/api/rooms/" + roomId + "/stage").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX)).contentType(ContentType.JSON).body(Map.of("video", cameraPublisher))
                .put("/api/rooms/" + roomId + "/stage").then().statusCode(404);
        assertTrue((Boolean) stella.evaluate("() => window.plenumSamePage === true"), "the page reloaded");

        screen.page().context().close();
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).post("/api/rooms/" + roomId + "/end").then().statusCode(200);
        host.page().context().close();
        stella.context().close();
    }
}
