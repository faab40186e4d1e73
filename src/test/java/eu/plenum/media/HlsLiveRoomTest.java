package eu.plenum.media;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.media.rooms.RoomHls;
import eu.plenum.media.supervisor.WorkerProcess;
import eu.plenum.shared.PlaybackSignatures;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.HlsProbe;
import eu.plenum.testsupport.MediaProbe;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A real WHIP publisher (Chromium's fake camera and microphone) goes live; the room's HLS, made by
 * a transcoder worker from the ingest worker's forwards, plays through the public signed URLs;
 * killing the transcoder (kill -9) only pauses HLS — another takes over — and the recording of
 * the same room has no gap.
 */
@QuarkusTest
@TestProfile(HlsEnabled.class)
@WithTestResource(PlenumTestServers.class)
class HlsLiveRoomTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Inject
    LiveHls liveHls;
    @Inject
    RoomHls roomHls;
    @Inject
    PlaybackSignatures signatures;

    @Test
    void aLiveRoomPlaysOverSignedHlsThatSurvivesItsTranscoderAndNeverTouchesTheRecording() throws Exception {
        try (Browser browser = Browser.launchWithFakeMedia()) {
            LiveRoomMediaTest.Room room = LiveRoomMediaTest.openRoom("Watched over HLS");
            UUID roomId = UUID.fromString(room.id());
            WhipPublishers publishers = new WhipPublishers(browser, "http://localhost:8081/");
            Map<String, Object> camera = publishers.publish(room.whipUrl(), room.key(), 640, 480);
            assertEquals(201, camera.get("status"), String.valueOf(camera));

            String url = await("the room's HLS", () -> liveHls.playlist(roomId));
            assertTrue(url.matches("/live/" + roomId + "/index\\.m3u8\\?exp=[0-9]+&sig=[A-Za-z0-9_-]{86}"), url);
            HlsProbe playing = awaitServed(url, playlist -> playlist.entries().size() >= 4);
            assertServedWindowIsValid(roomId, playing, true);
            assertRefusals(roomId, url, playing.entries().get(0).uri());

            WorkerProcess first = roomHls.transcoderOf(roomId).orElseThrow();
            long before = playing.lastSequence();
            ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();
            Instant killed = Instant.now();
            WorkerProcess second = await("another transcoder", () -> roomHls.transcoderOf(roomId)
                    .filter(worker -> !worker.id().equals(first.id())));
            HlsProbe resumed = awaitServed(liveHls.playlist(roomId).orElse(url),
                    playlist -> playlist.lastSequence() >= before + 4 && playlist.entries().stream().anyMatch(HlsProbe.Entry::discontinuity));
            System.out.printf("HLS resumed on transcoder %s %d ms after kill -9 of %s%n", second.id(),
                    Duration.between(killed, Instant.now()).toMillis(), first.id());
            assertTrue(resumed.mediaSequence() >= playing.mediaSequence(), "the media sequence never goes back");
            assertServedWindowIsValid(roomId, resumed, false);
            assertEquals("LIVE", LiveRoomMediaTest.room(room.id()).getString("status"), "the room never noticed");

            publishers.page().waitForTimeout(2_000);
            Map<String, Object> stopped = publishers.unpublish((String) camera.get("location"));
            assertEquals(200, stopped.get("status"), "the publisher was never cut off: " + stopped);
            var ended = LiveRoomMediaTest.endRoom(room.id());
            Map<String, Object> recording = ended.<Map<String, Object>>getList("recordings").get(0);
            assertEquals("COMPLETE", recording.get("status"));
            double[] spanAndGap = MediaProbe.videoSpanAndLargestGap(LiveRoomMediaTest.recordingFile(room.id(), (String) recording.get("id")));
            double wall = ((Number) stopped.get("publishedMs")).doubleValue() / 1000;
            System.out.printf("recording beside a killed transcoder: %.2f s of %.2f s, largest gap %.3f s%n", spanAndGap[0], wall, spanAndGap[1]);
            assertTrue(Math.abs(spanAndGap[0] - wall) <= 1.0, "no time lost: " + spanAndGap[0] + " s of " + wall + " s");
            assertTrue(spanAndGap[1] < 0.5, "no gap in the recorded video: " + spanAndGap[1] + " s");

            await("the live folder removed", () -> Optional.of(true).filter(gone -> !Files.exists(roomHls.folder(roomId))));
            assertTrue(liveHls.playlist(roomId).isEmpty(), "no HLS after the end");
            given().get(url).then().statusCode(404);
            publishers.page().context().close();
        }
    }

    /** ffprobe reads H.264 and AAC in every segment of the window, each fetched through its signed URI. */
    private void assertServedWindowIsValid(UUID roomId, HlsProbe playlist, boolean pictureFromTheCamera) throws Exception {
        assertEquals(1, playlist.targetDuration());
        assertTrue(playlist.entries().size() <= 6, "a sliding window");
        Path copies = Files.createTempDirectory("hls-served");
        for (HlsProbe.Entry entry : playlist.entries()) {
            assertTrue(entry.uri().matches("g[0-9]+-[0-9]+\\.ts\\?exp=[0-9]+&sig=[A-Za-z0-9_-]{86}"), entry.uri());
            Response segment = given().get("/live/" + roomId + "/" + entry.uri());
            assertEquals(200, segment.statusCode(), entry.uri());
            assertEquals("video/mp2t", segment.contentType());
            assertEquals("public, max-age=31536000, immutable", segment.header("Cache-Control"));
            assertEquals("*", segment.header("Access-Control-Allow-Origin"));
            Path copy = copies.resolve(entry.name());
            Files.write(copy, segment.asByteArray());
            assertEquals(List.of("video/h264", "audio/aac"), HlsProbe.codecs(copy), entry.name());
        }
        if (pictureFromTheCamera) {
            Path last = copies.resolve(playlist.entries().get(playlist.entries().size() - 1).name());
            assertTrue(HlsProbe.meanLuma(last) > 25, "the camera's picture, not the black background: " + HlsProbe.meanLuma(last));
        }
    }

    private void assertRefusals(UUID roomId, String url, String segmentUri) {
        String exp = url.replaceAll(".*exp=([0-9]+).*", "$1");
        String sig = url.replaceAll(".*sig=([A-Za-z0-9_-]+).*", "$1");
        String forged = (sig.charAt(5) == 'A' ? 'B' : 'A') + "";
        forged = sig.substring(0, 5) + forged + sig.substring(6);
        String base = "/live/" + roomId + "/";
        UUID otherRoom = UUID.randomUUID();
        String otherRoomsQuery = signatures.sign(LiveHls.SCOPE, otherRoom);
        String expiredQuery = signatures.sign(LiveHls.SCOPE, roomId, Instant.now().minusSeconds(1));
        for (String refused : List.of(base + "index.m3u8?exp=" + exp + "&sig=" + forged, base + "index.m3u8",
                base + "index.m3u8?" + expiredQuery, base + "index.m3u8?" + otherRoomsQuery,
                base + "index.m3u8?exp=" + (Long.parseLong(exp) + 600) + "&sig=" + sig,
                base + segmentUri.substring(0, segmentUri.indexOf('?')) + "?" + otherRoomsQuery)) {
            Response response = given().get(refused);
            assertEquals(403, response.statusCode(), refused);
            assertEquals("application/problem+json", response.contentType(), refused);
            assertEquals("urn:plenum:problem:playback-url-invalid", response.jsonPath().getString("type"));
            assertEquals("*", response.header("Access-Control-Allow-Origin"), "refusals are readable cross-origin");
        }
        String query = "?exp=" + exp + "&sig=" + sig;
        for (String unknown : List.of(base + "g1-99999.ts" + query, base + "g1-sink.m3u8" + query, base + "..%2F..%2Fpom.xml" + query,
                base + "%2e%2e/index.m3u8" + query, "/live/" + roomId + "/x/index.m3u8" + query, "/live/not-a-room/index.m3u8" + query)) {
            assertEquals(404, given().urlEncodingEnabled(false).get(unknown).statusCode(), unknown);
        }
        Response playlist = given().get(url);
        assertEquals("application/vnd.apple.mpegurl", playlist.contentType());
        assertEquals("public, max-age=1", playlist.header("Cache-Control"));
        assertEquals("*", playlist.header("Access-Control-Allow-Origin"));
        assertNotEquals(0, HlsProbe.parse(playlist.asString()).entries().size());
        // An edge (it names itself) is served open webinars only: this room's "live" URL is refused to it, a
        // "live-open" one is served, and its playlist's segment URIs are signed for that scope again.
        Response toEdge = given().header("Plenum-Edge", "us-vin").get(url);
        assertEquals(403, toEdge.statusCode());
        assertEquals("urn:plenum:problem:not-open-webinar", toEdge.jsonPath().getString("type"));
        Response open = given().header("Plenum-Edge", "us-vin").get(base + "index.m3u8?" + signatures.sign(PlaybackSignatures.OPEN_LIVE, roomId));
        assertEquals(200, open.statusCode());
        String segment = HlsProbe.parse(open.asString()).entries().get(0).uri();
        String segmentQuery = segment.substring(segment.indexOf('?') + 1);
        assertTrue(signatures.verify(PlaybackSignatures.OPEN_LIVE, roomId, segmentQuery.replaceAll("exp=([0-9]+).*", "$1"),
                segmentQuery.replaceAll(".*sig=([A-Za-z0-9_-]+).*", "$1")), segment);
        assertEquals(200, given().header("Plenum-Edge", "us-vin").get(base + segment).statusCode());
    }

    private static HlsProbe awaitServed(String url, Predicate<HlsProbe> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        HlsProbe last = null;
        while (Instant.now().isBefore(deadline)) {
            Response response = given().get(url);
            if (response.statusCode() == 200) {
                last = HlsProbe.parse(response.asString());
                if (wanted.test(last)) {
                    return last;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the served playlist did not get there within " + PATIENCE.toSeconds() + " s: " + last);
    }

    private static <T> T await(String what, java.util.function.Supplier<Optional<T>> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no " + what + " within " + PATIENCE.toSeconds() + " s");
    }
}
