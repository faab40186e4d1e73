package eu.plenum.audience;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import eu.plenum.media.ViewerPasses;
import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.WhipPublishers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attendees in real Chromium: they wait in the lobby (countdown, recording notice, sound check),
 * stay there while the host is live backstage, and the page turns into the player without a reload
 * when the host opens the doors; a late attendee comes straight into the live stage; a revoked one
 * is stopped within seconds; the end of the webinar is shown. The host publishes a real stream over
 * WHIP from Chromium's fake camera.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class LobbyJourneyTest {

    private static final String APP = "http://localhost:8081";
    /** Media start-up and event delivery take seconds on a busy 2-core machine. */
    private static final LocatorAssertions.HasAttributeOptions SLOW = new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);
    private static final Pattern PLAYER_STARTED = Pattern.compile("connecting|reconnecting|retrying|live");

    private static Browser browser;

    @Inject
    ViewerPasses passes;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void chromium() {
        browser = Browser.launchWithFakeMedia();
    }

    @AfterAll
    static void closeChromium() {
        browser.close();
    }

    /** An attendee's page after pressing Enter in the lobby of their join link; the countdown runs before the host is live. */
    private static Page enterLobby(String joinToken, boolean beforeLive) {
        Page page = browser.newPage("en");
        page.navigate(APP + "/join/" + joinToken);
        assertThat(page.getByTestId("recording-notice")).isVisible();
        if (beforeLive) {
            assertThat(page.getByTestId("countdown")).containsText("Starts in");
        }
        page.getByTestId("sound-check").click();
        assertThat(page.getByTestId("sound-check")).hasAttribute("data-played", "1");
        page.getByTestId("enter").click();
        page.waitForURL(url -> url.contains("/attend/"));
        // Marks this document: if the page reloaded, the mark would be gone.
        page.evaluate("() => { window.plenumSamePage = true; }");
        return page;
    }

    private static void doors(String roomId, boolean open) {
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON).body(Map.of("open", open))
                .post("/api/rooms/" + roomId + "/audience").then().statusCode(200);
    }

    private static void assertPlayerStarted(Page page) {
        assertThat(page.getByTestId("stage-frame")).hasAttribute("data-stage", "LIVE", SLOW);
        assertThat(page.getByTestId("player-state")).hasAttribute("data-state", PLAYER_STARTED, SLOW);
        assertTrue((Boolean) page.evaluate("() => window.plenumSamePage === true"), "the page reloaded");
        // No room has HLS until the transcoder lands: no HLS badge then.
        if (page.getByTestId("player-state").getAttribute("data-transport") == null
                || !"hls".equals(page.getByTestId("player-state").getAttribute("data-transport"))) {
            assertThat(page.getByTestId("hls-badge")).isHidden();
        }
        // Video playback (currentTime grows, pixels not black) is asserted once viewers are served (Viewing, WHEP).
    }

    @Test
    void attendeesWaitBackstageAndThePageTurnsIntoThePlayerWhenTheDoorsOpen() throws Exception {
        String webinarId = Attendees.recordedWebinar("Lobby journey");
        String early = Attendees.joinToken(webinarId, "Erna Early", "erna@audience.example");
        String late = Attendees.joinToken(webinarId, "Lutz Late", "lutz@audience.example");
        String sessionId = Attendees.firstSession(webinarId);
        JsonPath opened = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                .post("/api/webinars/" + webinarId + "/sessions/" + sessionId + "/room").then().statusCode(201).extract().jsonPath();
        String roomId = opened.getString("room.id");

        Page erna = enterLobby(early, true);
        assertThat(erna.getByTestId("stage")).hasAttribute("data-stage", "WAITING");
        assertThat(erna.getByTestId("join-webinar")).hasText("Lobby journey");
        Browser.screenshot(erna, "attendee-lobby");
        // Phone width: one column, nothing wider than the screen; the controls are buttons a keyboard reaches.
        erna.setViewportSize(390, 844);
        assertTrue((Boolean) erna.evaluate("() => document.documentElement.scrollWidth <= 390"), "the lobby scrolls sideways on a phone");
        Browser.screenshot(erna, "attendee-lobby-phone");
        erna.getByTestId("sound-check").focus();
        erna.keyboard().press("Enter");
        assertThat(erna.getByTestId("sound-check")).hasAttribute("data-played", "1");
        erna.setViewportSize(1280, 800);

        // Practice mode: the host goes live backstage; attendees stay in the lobby.
        doors(roomId, false);
        WhipPublishers host = new WhipPublishers(browser, APP + "/");
        Map<String, Object> published = host.publish(opened.getString("room.whipUrl"), opened.getString("streamKey"), 640, 480);
        assertEquals(201, published.get("status"), published.toString());
        assertThat(erna.getByTestId("stage")).hasAttribute("data-stage", "BACKSTAGE", SLOW);
        erna.waitForTimeout(1500);
        assertThat(erna.getByTestId("stage-frame")).hasAttribute("data-stage", "BACKSTAGE");
        assertEquals("idle", erna.getByTestId("player-state").getAttribute("data-state"), "no playback while backstage");
        int refused = (Integer) erna.evaluate("async id => (await fetch('/attend/' + id + '/pass', {method: 'POST'})).status", webinarId);
        assertEquals(409, refused, "no viewer pass while backstage");

        // One click opens the doors: the lobby becomes the player, no reload, nothing moves.
        var frameBefore = erna.getByTestId("stage-frame").boundingBox();
        var infoBefore = erna.getByTestId("join-webinar").boundingBox();
        doors(roomId, true);
        assertPlayerStarted(erna);
        var frameAfter = erna.getByTestId("stage-frame").boundingBox();
        var infoAfter = erna.getByTestId("join-webinar").boundingBox();
        assertEquals(frameBefore.height, frameAfter.height, 0.5, "the player changed the stage's height");
        assertEquals(infoBefore.y, infoAfter.y, 0.5, "the player moved the page");
        Browser.screenshot(erna, "attendee-player");

        // The pass the page gets is for this room and held by the attendee session, never by personal data.
        @SuppressWarnings("unchecked")
        Map<String, Object> grant = (Map<String, Object>) erna.evaluate(
                "async id => (await fetch('/attend/' + id + '/pass', {method: 'POST'})).json()", webinarId);
        assertEquals("/api/rooms/" + roomId + "/whep", grant.get("whepUrl"));
        ViewerPasses.Pass pass = passes.verify((String) grant.get("pass"), UUID.fromString(roomId)).orElseThrow();
        assertEquals(activeSessionOf(Attendees.registrationId(webinarId, "erna@audience.example")), pass.holder());

        // A late attendee enters while live: straight into the player.
        Page lutz = enterLobby(late, false);
        assertPlayerStarted(lutz);

        // Revoked: playback and page stop within seconds.
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST))
                .post("/api/webinars/" + webinarId + "/registrants/" + Attendees.registrationId(webinarId, "lutz@audience.example")
                        + "/revoke-join-link").then().statusCode(204);
        assertThat(lutz.locator("#attend")).hasAttribute("data-access", "ended", SLOW);
        assertThat(lutz.getByTestId("access")).containsText("access");

        // The host ends the webinar: the page says so.
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).post("/api/rooms/" + roomId + "/end").then().statusCode(200);
        assertThat(erna.getByTestId("stage")).hasAttribute("data-stage", "ENDED", SLOW);
        assertThat(erna.getByTestId("stage-text")).hasText("The webinar has ended");
        assertTrue((Boolean) erna.evaluate("() => window.plenumSamePage === true"), "the page reloaded");
    }

    private UUID activeSessionOf(String registrationId) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM attendee_session WHERE registration_id = ? AND ended_at IS NULL")) {
            statement.setObject(1, UUID.fromString(registrationId));
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), "an attendee session runs");
                return rows.getObject(1, UUID.class);
            }
        }
    }
}
