package eu.plenum.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.MediaProbe;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.ProjectPaths;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One room's failure stays in that room: a hung worker whose room has a gigabyte of recording is
 * declared dead and its room ends, while two other rooms on the same node stay live and keep
 * recording without a gap. (Before, the dead room's files were hashed on the heartbeat thread, so
 * every other worker missed its heartbeats and was killed too.)
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class RoomIsolationTest {

    private static final long GIGABYTE = 1L << 30;
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
    void aHungWorkerWithAGigabyteRecordingEndsOnlyItsOwnRoom() throws Exception {
        LiveRoomMediaTest.Room doomed = LiveRoomMediaTest.openRoom("Hung, with a large recording");
        List<LiveRoomMediaTest.Room> others = List.of(LiveRoomMediaTest.openRoom("Stays live, first"),
                LiveRoomMediaTest.openRoom("Stays live, second"));
        WhipPublishers publishers = new WhipPublishers(browser, "http://localhost:8081/");
        assertEquals(201, publishers.publish(doomed.whipUrl(), doomed.key(), 320, 240).get("status"));
        List<String> locations = new java.util.ArrayList<>();
        for (LiveRoomMediaTest.Room room : others) {
            Map<String, Object> published = publishers.publish(room.whipUrl(), room.key(), 320, 240);
            assertEquals(201, published.get("status"), String.valueOf(published));
            locations.add((String) published.get("location"));
        }
        publishers.page().waitForTimeout(3_000);

        Path large = recordingBeingWritten(doomed.id());
        try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(GIGABYTE); // sparse: reading and hashing it still takes seconds
        }
        long pid = LiveRoomMediaTest.workerPid(doomed.id());
        assertEquals(0, new ProcessBuilder("kill", "-STOP", String.valueOf(pid)).start().waitFor());

        JsonPath failed = LiveRoomMediaTest.awaitRoom(doomed.id(), room -> "ENDED".equals(room.getString("status")),
                Duration.ofSeconds(60));
        assertEquals("MEDIA_FAILURE", failed.getString("endedReason"), failed.prettify());
        assertTrue(failed.getString("history.detail").contains("no heartbeat"), failed.getString("history.detail"));
        Map<String, Object> interrupted = failed.<Map<String, Object>>getList("recordings").get(0);
        assertEquals("INTERRUPTED", interrupted.get("status"));
        assertEquals(GIGABYTE, ((Number) interrupted.get("sizeBytes")).longValue(), "the whole file was described");
        assertEquals(64, String.valueOf(interrupted.get("sha256")).length());

        publishers.page().waitForTimeout(3_000);
        for (int i = 0; i < others.size(); i++) {
            LiveRoomMediaTest.Room room = others.get(i);
            assertEquals("LIVE", LiveRoomMediaTest.room(room.id()).getString("status"), "the other room is still live");
            Map<String, Object> stopped = publishers.unpublish(locations.get(i));
            assertEquals(200, stopped.get("status"), "the other room's publisher was never cut off: " + stopped);
            JsonPath ended = LiveRoomMediaTest.endRoom(room.id());
            assertEquals("HOST_ENDED", ended.getString("endedReason"));
            Map<String, Object> whole = ended.<Map<String, Object>>getList("recordings").get(0);
            assertEquals("COMPLETE", whole.get("status"));
            double[] spanAndGap = MediaProbe.videoSpanAndLargestGap(LiveRoomMediaTest.recordingFile(room.id(), (String) whole.get("id")));
            double wall = ((Number) stopped.get("publishedMs")).doubleValue() / 1000;
            System.out.printf("room beside the hung one: %.2f s recorded of %.2f s published, largest gap %.3f s%n",
                    spanAndGap[0], wall, spanAndGap[1]);
            assertTrue(Math.abs(spanAndGap[0] - wall) <= 1.0, "no time lost: " + spanAndGap[0] + " s of " + wall + " s");
            assertTrue(spanAndGap[1] < 0.5, "no gap in the video: " + spanAndGap[1] + " s");
        }
        publishers.page().context().close();
    }

    private static Path recordingBeingWritten(String roomId) throws Exception {
        try (Stream<Path> files = Files.walk(ProjectPaths.target("test-storage", "eu-fra"))) {
            return files.filter(path -> path.toString().contains(roomId) && path.toString().endsWith(".webm"))
                    .findFirst().orElseThrow(() -> new AssertionError("no recording file of room " + roomId));
        }
    }
}
