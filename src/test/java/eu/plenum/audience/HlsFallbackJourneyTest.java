package eu.plenum.audience;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import eu.plenum.media.HlsEnabled;
import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.VideoFrames;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two attendees of a live room whose WebRTC capacity is one viewer: the first plays over WHEP, the
 * second is refused a WebRTC place (503) and its page plays HLS instead, by itself, with the badge
 * saying so. Both pictures are not black and advance. The host's studio counts them (1 WebRTC, 1 HLS,
 * by the page's renewals), pins the camera back over a screen share, and sees the HLS viewer leave.
 */
@QuarkusTest
@TestProfile(HlsFallbackJourneyTest.OneWebRtcPlace.class)
@WithTestResource(PlenumTestServers.class)
class HlsFallbackJourneyTest {

    private static final String APP = "http://localhost:8081";
    private static final LocatorAssertions.HasAttributeOptions SLOW = new LocatorAssertions.HasAttributeOptions().setTimeout(60_000);
    /** The nodes report every 3 s and the studio asks every 3 s; generous for a loaded CI machine. */
    private static final LocatorAssertions.HasTextOptions COUNTED = new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    /** HLS on, and a room takes one WebRTC viewer. */
    public static class OneWebRtcPlace extends HlsEnabled {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("plenum.media.max-viewers-per-room", "1");
            // A page that vanished without a word drops out of the HLS count soon (the page renews every 40 s).
            overrides.put("plenum.media.hls-viewer-window", "45s");
            return overrides;
        }
    }

    @Test
    void theSecondAttendeeIsRefusedAWebRtcPlaceAndPlaysHls() throws Exception {
        String webinarId = Attendees.recordedWebinar("HLS fallback");
        String first = Attendees.joinToken(webinarId, "Wera WebRTC", "wera@audience.example");
        String second = Attendees.joinToken(webinarId, "Hanno HLS", "hanno@audience.example");
        String sessionId = Attendees.firstSession(webinarId);
        JsonPath opened = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                .post("/api/webinars/" + webinarId + "/sessions/" + sessionId + "/room").then().statusCode(201).extract().jsonPath();
        String roomId = opened.getString("room.id");
        try (Browser browser = Browser.launchWithFakeMedia()) {
            WhipPublishers publishers = new WhipPublishers(browser, APP + "/");
            assertEquals(201, publishers.publish(opened.getString("room.whipUrl"), opened.getString("streamKey"), 640, 360).get("status"));

            Page wera = enter(browser, first);
            assertThat(wera.getByTestId("player-state")).hasAttribute("data-transport", "whep", SLOW);
            System.out.println("WHEP attendee: " + VideoFrames.awaitPlaying(wera, "#player", 1.5));

            Page hanno = enter(browser, second);
            assertThat(hanno.getByTestId("player-state")).hasAttribute("data-transport", "hls", SLOW);
            assertThat(hanno.getByTestId("hls-badge")).isVisible();
            System.out.println("HLS attendee: " + VideoFrames.awaitPlaying(hanno, "#player", 2.0));
            Browser.screenshot(hanno, "attendee-hls");
            assertEquals("whep", wera.getByTestId("player-state").getAttribute("data-transport"), "the first kept WebRTC");

            // The host's studio shows the audience: one on WebRTC, one on HLS, on this node; the peak is two.
            Page studio = browser.signIn(APP + "/", Tokens.HOST, "en");
            studio.navigate(APP + "/host/studio/webinars/" + webinarId + "/sessions/" + sessionId);
            assertThat(studio.getByTestId("audience-webrtc")).hasText("1", COUNTED);
            assertThat(studio.getByTestId("audience-hls")).hasText("1", COUNTED);
            assertThat(studio.getByTestId("audience-total")).hasText("2", COUNTED);
            assertThat(studio.getByTestId("audience-peak")).hasText("2", COUNTED);
            assertThat(studio.getByTestId("audience-nodes").locator("tr")).hasCount(1);

            // A screen share takes the stage on both transports (the HLS transcoder's input is re-pointed).
            WhipPublishers screen = new WhipPublishers(browser, APP + "/");
            assertEquals(201, screen.publishScreen(opened.getString("room.whipUrl"), opened.getString("streamKey"), 640, 360).get("status"));
            System.out.println("HLS attendee sees the screen share: " + VideoFrames.awaitPlayingRed(hanno, "#player"));
            System.out.println("WHEP attendee sees the screen share: " + VideoFrames.awaitPlayingRed(wera, "#player"));

            // The studio lists both videos; the host pins the camera (the first): WebRTC viewers see it again.
            assertThat(studio.getByTestId("stage-video")).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
            studio.getByTestId("stage-video").first().getByTestId("pin").click();
            assertThat(studio.getByTestId("stage-video").first().getByTestId("unpin")).isVisible();
            System.out.println("WHEP attendee sees the pinned camera: " + awaitPlayingNotRed(wera));

            // The HLS attendee closes the page: the studio counts no HLS viewer any more, the WebRTC one stays.
            hanno.close(new Page.CloseOptions().setRunBeforeUnload(true));
            assertThat(studio.getByTestId("audience-hls")).hasText("0", new LocatorAssertions.HasTextOptions().setTimeout(90_000));
            assertThat(studio.getByTestId("audience-webrtc")).hasText("1", COUNTED);
            assertThat(studio.getByTestId("audience-peak")).hasText(java.util.regex.Pattern.compile("^[2-9]$"), COUNTED);
        }
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).post("/api/rooms/" + roomId + "/end").then().statusCode(200);
    }

    /** Waits (up to a minute) until the page plays a picture that is not the red screen share: the fake camera's. */
    private static Map<String, Object> awaitPlayingNotRed(Page page) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        Map<String, Object> frame = VideoFrames.sample(page, "#player");
        while (java.time.Instant.now().isBefore(deadline)) {
            frame = VideoFrames.awaitPlaying(page, "#player", 0.5);
            if (((Number) frame.get("red")).doubleValue() < ((Number) frame.get("green")).doubleValue()) {
                return frame;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("#player plays no picture other than the screen share: " + frame);
    }

    private static Page enter(Browser browser, String joinToken) {
        Page page = browser.newPage("en");
        page.navigate(APP + "/join/" + joinToken);
        page.getByTestId("enter").click();
        page.waitForURL(url -> url.contains("/attend/"));
        return page;
    }
}
