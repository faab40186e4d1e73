package eu.plenum.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.MediaProbe;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.WhepViewers;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attendees watch a live room over WHEP, served by viewer workers — processes apart from the room's
 * ingest and recording worker. The test profile gives a viewer worker one viewer and a room two
 * WebRTC places, so that two viewers land on two workers and a third is refused (the page then
 * plays HLS). Killing one viewer worker costs its viewer a reconnect of a few seconds; the other
 * viewer, the presenter and the recording see nothing.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class WhepPlaybackTest {

    private static final String APP = "http://localhost:8081/";
    private static Browser browser;

    @Inject
    ViewerPasses passes;

    @Inject
    PublishedRecordings published;

    @BeforeAll
    static void chromium() {
        browser = Browser.launchWithFakeMedia();
    }

    @AfterAll
    static void closeChromium() {
        browser.close();
    }

    @Test
    void viewersOnTwoViewerWorkersWatchAndOneComesBackAfterItsWorkerIsKilled() throws Exception {
        LiveRoomMediaTest.Room room = LiveRoomMediaTest.openRoom("Watched over WHEP");
        WhipPublishers publishers = new WhipPublishers(browser, APP);
        Instant publishedAt = Instant.now();
        Map<String, Object> published = publishers.publish(room.whipUrl(), room.key(), 320, 240);
        assertEquals(201, published.get("status"), String.valueOf(published));
        String whep = APP + "api/rooms/" + room.id() + "/whep";
        UUID roomId = UUID.fromString(room.id());
        String passA = passes.mint(roomId, UUID.randomUUID(), Duration.ofMinutes(10));
        String passB = passes.mint(roomId, UUID.randomUUID(), Duration.ofMinutes(10));

        WhepViewers viewers = new WhepViewers(browser, APP);
        assertEquals(201, viewers.watch(whep, passA, "a").get("status"));
        List<Map<String, Object>> first = workers(room.id(), "VIEWERS");
        assertEquals(1, first.size(), String.valueOf(first));
        long doomed = ((Number) first.get(0).get("pid")).longValue(); // a's viewer worker
        assertEquals(201, viewers.watch(whep, passB, "b").get("status"));
        Map<String, Object> refused = viewers.watch(whep, passes.mint(roomId, UUID.randomUUID(), Duration.ofMinutes(1)), "c");
        assertEquals(503, refused.get("status"), "the room's two WebRTC places are taken: " + refused);
        assertTrue(String.valueOf(refused.get("body")).contains("viewer-capacity-full"), String.valueOf(refused.get("body")));
        assertNotEquals(null, refused.get("retryAfter"));

        viewers.awaitPicture("a", frame -> true);
        viewers.awaitPicture("b", frame -> true);
        List<Map<String, Object>> viewerWorkers = workers(room.id(), "VIEWERS");
        assertEquals(2, viewerWorkers.size(), "one viewer per viewer worker in the test profile: " + viewerWorkers);
        long ingest = LiveRoomMediaTest.workerPid(room.id());
        assertNotEquals(ingest, doomed);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/rooms/" + room.id() + "/audience").then().statusCode(200)
                .body("webrtcViewers", org.hamcrest.Matchers.equalTo(2)).body("webrtcPeak", org.hamcrest.Matchers.equalTo(2));
        operatorsSeeTheRoomsWorkersOnTheConsole(room.id());

        double bBefore = ((Number) viewers.frame("b").get("currentTime")).doubleValue();
        int bReconnects = ((Number) viewers.frame("b").get("reconnects")).intValue();
        int aReconnects = ((Number) viewers.frame("a").get("reconnects")).intValue();
        Instant killed = Instant.now();
        assertEquals(0, new ProcessBuilder("kill", "-9", String.valueOf(doomed)).start().waitFor());
        Map<String, Object> back = viewers.awaitPicture("a", frame -> ((Number) frame.get("reconnects")).intValue() > aReconnects);
        System.out.printf("viewer back %d ms after its viewer worker was killed: %s%n",
                Duration.between(killed, Instant.now()).toMillis(), back);

        Map<String, Object> other = viewers.frame("b");
        assertEquals(bReconnects, ((Number) other.get("reconnects")).intValue(), "the other viewer worker's viewer never noticed: " + other);
        assertTrue(((Number) other.get("currentTime")).doubleValue() > bBefore + 1, "it kept playing: " + other);
        assertEquals("LIVE", LiveRoomMediaTest.room(room.id()).getString("status"));
        assertEquals(ingest, LiveRoomMediaTest.workerPid(room.id()), "the ingest worker is the same process");

        Map<String, Object> stopped = publishers.unpublish((String) published.get("location"));
        assertEquals(200, stopped.get("status"), "the presenter was never cut off: " + stopped);
        JsonPath ended = LiveRoomMediaTest.endRoom(room.id());
        Map<String, Object> recording = ended.<Map<String, Object>>getList("recordings").get(0);
        assertEquals("COMPLETE", recording.get("status"));
        // The kill must leave no gap in the recording: gaps count from 5 s before it (the recording begins a little after
        // publishedAt). A pause of the fake camera's encoder while it starts on a loaded machine (once 0.55 s at 0.25 s in a
        // CI clone, 13 s before the kill) is not what this test is about.
        double killedAfter = Duration.between(publishedAt, killed).toMillis() / 1000.0;
        double[] spanAndGap = MediaProbe.videoSpanAndLargestGap(LiveRoomMediaTest.recordingFile(room.id(), (String) recording.get("id")),
                Math.max(0, killedAfter - 5));
        double wall = ((Number) stopped.get("publishedMs")).doubleValue() / 1000;
        System.out.printf("recording beside the killed viewer worker: %.2f s of %.2f s published, largest gap %.3f s at %.2f s "
                + "(from 5 s before the viewer worker was killed, %.2f s after the recording began)%n", spanAndGap[0], wall, spanAndGap[1],
                spanAndGap[2], killedAfter);
        assertTrue(Math.abs(spanAndGap[0] - wall) <= 1.0, "no time lost: " + spanAndGap[0] + " s of " + wall + " s");
        assertTrue(spanAndGap[1] < 0.5, "no gap in the recording from the kill on: " + spanAndGap[1] + " s at " + spanAndGap[2] + " s");
        publishers.page().context().close();

        attendeesPlayThePublishedRecordingWithSeeking(viewers, recording);
        viewers.page().context().close();
    }

    private static void operatorsSeeTheRoomsWorkersOnTheConsole(String roomId) {
        com.microsoft.playwright.Page console = browser.signIn(APP, Tokens.ADMIN, "en-GB");
        console.navigate(APP + "console/media");
        com.microsoft.playwright.Locator row = console.locator("[data-testid=media-rooms] tr[data-room='" + roomId + "']");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(row).containsText("2"); // viewer workers and viewers
        assertEquals("2", row.locator("td").nth(2).innerText().strip(), "two viewer workers");
        assertEquals("2", row.locator("td").nth(4).innerText().strip(), "two WebRTC viewers");
        assertTrue(console.locator("[data-testid=media-workers]").innerText().contains("VIEWERS"));
        Browser.screenshot(console, "console-media");
        console.context().close();
    }

    private void attendeesPlayThePublishedRecordingWithSeeking(WhepViewers viewers, Map<String, Object> recording) {
        String recordingId = (String) recording.get("id");
        UUID sessionId = UUID.fromString((String) recording.get("sessionId"));
        UUID holder = UUID.randomUUID();
        assertEquals(List.of(), published.of(sessionId, holder), "nothing is listed before the host publishes it");
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).put("/api/recordings/" + recordingId + "/publication")
                .then().statusCode(200).body("publishedAt", notNullValue());
        List<PublishedRecordings.Published> listed = published.of(sessionId, holder);
        assertEquals(1, listed.size(), String.valueOf(listed));
        String url = listed.get(0).playbackUrl();
        given().header("Range", "bytes=0-99").get(url).then().statusCode(206)
                .header("Content-Range", org.hamcrest.Matchers.startsWith("bytes 0-99/")).header("Accept-Ranges", "bytes");
        given().get(url.replaceAll("pass=.*", "pass=vp_forged")).then().statusCode(401);

        Map<String, Object> played = viewers.playRecording(APP + url.substring(1));
        double recorded = ((Number) recording.get("durationMs")).doubleValue() / 1000;
        System.out.println("published recording on the attendee page: " + played + ", recorded " + recorded + " s");
        assertEquals(null, played.get("error"), String.valueOf(played));
        double duration = ((Number) played.get("duration")).doubleValue();
        assertTrue(Math.abs(duration - recorded) <= 1.0, "the player knows the right duration: " + played);
        assertTrue(Math.abs(((Number) played.get("seekedTo")).doubleValue() - duration / 2) <= 2.0, "it seeks: " + played);
        assertTrue(((Number) played.get("after")).doubleValue() > ((Number) played.get("seekedTo")).doubleValue(), "and plays on: " + played);

        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).delete("/api/recordings/" + recordingId + "/publication")
                .then().statusCode(200);
        given().get(url).then().statusCode(404).body("type", containsString("recording-not-published"));
    }

    @Test
    void whepRefusesPlainlyAndAnswersCorsEverywhere() {
        LiveRoomMediaTest.Room room = LiveRoomMediaTest.openRoom("Not live yet");
        UUID roomId = UUID.fromString(room.id());
        String whep = "/api/rooms/" + room.id() + "/whep";
        String offer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\na=recvonly\r\n";

        given().contentType("application/sdp").body(sdp(offer)).post(whep).then().statusCode(401)
                .contentType("application/problem+json").header("Access-Control-Allow-Origin", "*")
                .body("type", containsString("credential-missing"));
        given().contentType("application/sdp").header("Authorization", "Bearer vp_forged").body(sdp(offer)).post(whep)
                .then().statusCode(401).body("type", containsString("pass-invalid"));
        String otherRoomsPass = passes.mint(UUID.randomUUID(), UUID.randomUUID(), Duration.ofMinutes(1));
        given().contentType("application/sdp").header("Authorization", "Bearer " + otherRoomsPass).body(sdp(offer)).post(whep)
                .then().statusCode(401).body("type", containsString("pass-invalid"));
        String expired = passes.mint(roomId, UUID.randomUUID(), Duration.ofSeconds(-1));
        given().contentType("application/sdp").header("Authorization", "Bearer " + expired).body(sdp(offer)).post(whep)
                .then().statusCode(401);
        UUID nowhere = UUID.randomUUID();
        given().contentType("application/sdp").header("Authorization", "Bearer " + passes.mint(nowhere, UUID.randomUUID(), Duration.ofMinutes(1)))
                .body(sdp(offer)).post("/api/rooms/" + nowhere + "/whep").then().statusCode(404).body("type", containsString("unknown-room"));

        String pass = passes.mint(roomId, UUID.randomUUID(), Duration.ofMinutes(1));
        given().contentType("application/sdp").header("Authorization", "Bearer " + pass).body(sdp(offer)).post(whep)
                .then().statusCode(409).header("Retry-After", notNullValue()).body("type", containsString("room-not-live"));
        given().contentType("application/sdp").header("Authorization", "Bearer " + pass).body(sdp("hello")).post(whep)
                .then().statusCode(400).body("type", containsString("bad-offer"));
        given().contentType("application/sdp").header("Authorization", "Bearer " + pass).body(sdp(offer.replace("a=recvonly", "a=sendonly")))
                .post(whep).then().statusCode(422).body("type", containsString("offer-not-playable"));
        given().contentType("application/sdp").header("Authorization", "Bearer " + pass).body(sdp("v=0\r\n" + "a=x\r\n".repeat(20_000)))
                .post(whep).then().statusCode(413).header("Access-Control-Allow-Origin", "*");
        offersFromOneAddressAreLimited(whep, pass);
        given().options(whep).then().statusCode(204).header("Accept-Post", "application/sdp")
                .header("Access-Control-Allow-Origin", "*").header("Access-Control-Expose-Headers", containsString("Location"));
        given().header("Authorization", "Bearer " + pass).patch(whep + "/" + UUID.randomUUID()).then().statusCode(405)
                .header("Allow", org.hamcrest.Matchers.containsString("DELETE")).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + pass).delete(whep + "/" + UUID.randomUUID())
                .then().statusCode(404).body("type", containsString("unknown-viewer"));
    }

    /** Every offer costs a negotiation: one address gets 60 a minute (the default), then 429 with Retry-After. */
    private static void offersFromOneAddressAreLimited(String whep, String pass) {
        try {
            java.net.http.HttpClient noisy = java.net.http.HttpClient.newBuilder()
                    .localAddress(java.net.InetAddress.getByName("127.0.0.91")).build();
            java.net.http.HttpRequest offer = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:8081" + whep))
                    .header("Content-Type", "application/sdp").header("Authorization", "Bearer " + pass)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello")).build();
            java.net.http.HttpResponse<String> last = null;
            for (int i = 0; i < 80 && (last == null || last.statusCode() != 429); i++) {
                last = noisy.send(offer, java.net.http.HttpResponse.BodyHandlers.ofString());
            }
            assertEquals(429, last.statusCode(), last.body());
            assertTrue(last.body().contains("too-many-offers"), last.body());
            assertTrue(Integer.parseInt(last.headers().firstValue("Retry-After").orElse("0")) >= 1);
            given().contentType("application/sdp").header("Authorization", "Bearer " + pass).body(sdp("hello")).post(whep)
                    .then().statusCode(400); // another address is not affected
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static byte[] sdp(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<Map<String, Object>> workers(String roomId, String job) {
        return LiveRoomMediaTest.pool().<Map<String, Object>>getList("workers").stream()
                .filter(worker -> roomId.equals(worker.get("roomId")) && job.equals(worker.get("job"))
                        && "BUSY".equals(worker.get("phase")))
                .toList();
    }
}
