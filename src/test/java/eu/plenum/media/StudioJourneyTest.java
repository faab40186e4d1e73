package eu.plenum.media;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.MediaProbe;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A host in real Chromium: studio page, go live with camera and microphone, recording stopped and started again, end. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class StudioJourneyTest {

    private static final String APP = "http://localhost:8081";
    /** Going live, finalising files and ending take seconds on a busy 2-core CI machine. */
    private static final com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions SLOW =
            new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @Test
    void hostGoesLiveFromTheStudioPausesTheRecordingAndEnds() throws Exception {
        String webinarId = Webinars.create(Tokens.HOST, Webinars.sample("Studio journey"));
        String sessionId = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/webinars/" + webinarId)
                .then().statusCode(200).extract().path("sessions[0].id");
        try (Browser browser = Browser.launchWithFakeMedia()) {
            Page page = browser.signIn(APP + "/", Tokens.HOST, "en");
            page.navigate(APP + "/host/webinars/" + webinarId);
            page.getByTestId("studio-link").first().click();
            // Opening the page changed nothing: no room until the host asks for one.
            given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/webinars/" + webinarId + "/sessions/" + sessionId + "/room")
                    .then().statusCode(404);
            page.getByTestId("open-studio").click();
            PlaywrightAssertions.assertThat(page.getByTestId("stream-key")).containsText("sk_");
            page.waitForFunction("() => document.getElementById('preview').videoWidth > 0");
            assertTrue(page.getByTestId("camera").locator("option").count() >= 1, "the fake camera is offered");

            page.getByTestId("go-live").click();
            PlaywrightAssertions.assertThat(page.getByTestId("studio-state")).hasText("Recording", SLOW);
            Browser.screenshot(page, "studio-live");
            page.waitForTimeout(4_000);
            page.getByTestId("record").click();
            PlaywrightAssertions.assertThat(page.getByTestId("studio-state")).hasText("Live", SLOW);
            page.waitForTimeout(1_000);
            page.getByTestId("record").click();
            PlaywrightAssertions.assertThat(page.getByTestId("studio-state")).hasText("Recording", SLOW);
            page.waitForTimeout(3_000);
            long stopped = System.nanoTime();
            page.getByTestId("stop").click();
            PlaywrightAssertions.assertThat(page.getByTestId("studio-state")).hasText("Ended", SLOW);
            System.out.printf("studio: stop → ended shown in %d ms%n", (System.nanoTime() - stopped) / 1_000_000);
        }
        JsonPath room = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType("application/json")
                .post("/api/webinars/" + webinarId + "/sessions/" + sessionId + "/room").then().statusCode(200).extract().jsonPath();
        assertEquals("HOST_ENDED", room.getString("room.endedReason"));
        List<Map<String, Object>> recordings = room.getList("room.recordings");
        assertEquals(2, recordings.size(), "recording stopped and started again: two files " + recordings);
        for (Map<String, Object> recording : recordings) {
            assertEquals("COMPLETE", recording.get("status"));
            var file = LiveRoomMediaTest.recordingFile(room.getString("room.id"), (String) recording.get("id"));
            Map<String, Long> frames = MediaProbe.decodedFrames(file);
            assertTrue(frames.getOrDefault("video", 0L) > 20 && frames.getOrDefault("audio", 0L) > 20,
                    "the file decodes from its first frame: " + recording + " " + frames);
            assertTrue(((Number) recording.get("durationMs")).longValue() >= 2000, recording.toString());
        }
        List<String> kinds = room.getList("room.history.kind");
        assertTrue(kinds.containsAll(List.of("WENT_LIVE", "RECORDING_STOPPED", "RECORDING_STARTED", "ENDED")), kinds.toString());
    }
}
