package eu.plenum.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.ProjectPaths;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A GStreamer error inside one publisher's elements ends that publisher, not the room: here the
 * file its camera's late start rolls to cannot be opened (a folder stands at its path), so its
 * filesink posts an error; the other publisher goes on recording and the room stays live.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class PublisherFailureTest {

    @Test
    void anErrorInOnePublishersBranchEndsOnlyThatPublisher() throws Exception {
        try (Browser browser = Browser.launchWithFakeMedia()) {
            LiveRoomMediaTest.Room room = LiveRoomMediaTest.openRoom("One bad publisher");
            WhipPublishers publishers = new WhipPublishers(browser, "http://localhost:8081/");
            Map<String, Object> voice = publishers.publish(room.whipUrl(), room.key(), 0, 0);
            Map<String, Object> camera = publishers.publish(room.whipUrl(), room.key(), 320, 240);
            assertEquals(201, voice.get("status"), String.valueOf(voice));
            assertEquals(201, camera.get("status"), String.valueOf(camera));
            String voiceLocation = (String) voice.get("location");
            String voiceId = voiceLocation.substring(voiceLocation.lastIndexOf('/') + 1);

            Path first = fileOf(room.id(), voiceId + "-1.webm");
            Files.createDirectories(first.resolveSibling(voiceId + "-2.webm")); // the roll's file cannot be opened
            publishers.page().waitForTimeout(7_000); // past the grace: the first file goes on with audio only
            publishers.cameraOn(voiceLocation, 320, 240);

            JsonPath failed = LiveRoomMediaTest.awaitRoom(room.id(),
                    state -> state.getList("history.kind").contains("PUBLISHER_FAILED"), Duration.ofSeconds(60));
            List<String> kinds = failed.getList("history.kind");
            assertTrue(kinds.contains("PUBLISHER_FAILED"), "the publisher's error is in the history: " + failed.prettify());
            assertEquals("LIVE", failed.getString("status"), "the room goes on: " + kinds);
            assertTrue(failed.getString("history.find { it.kind == 'PUBLISHER_FAILED' }.detail").contains("media error"));

            publishers.page().waitForTimeout(2_000);
            Map<String, Object> stopped = publishers.unpublish((String) camera.get("location"));
            assertEquals(200, stopped.get("status"), "the other publisher was never cut off: " + stopped);
            JsonPath ended = LiveRoomMediaTest.endRoom(room.id());
            assertEquals("HOST_ENDED", ended.getString("endedReason"));
            String cameraLocation = (String) camera.get("location");
            Path cameraFile = fileOf(room.id(), cameraLocation.substring(cameraLocation.lastIndexOf('/') + 1) + "-1.webm");
            double[] spanAndGap = eu.plenum.testsupport.MediaProbe.videoSpanAndLargestGap(cameraFile);
            double wall = ((Number) stopped.get("publishedMs")).doubleValue() / 1000;
            assertTrue(Math.abs(spanAndGap[0] - wall) <= 1.0, "the other publisher's file is whole: " + spanAndGap[0] + " s of " + wall);
            publishers.page().context().close();
        }
    }

    private static Path fileOf(String roomId, String name) throws Exception {
        try (Stream<Path> files = Files.walk(ProjectPaths.target("test-storage", "eu-fra"))) {
            return files.filter(path -> path.toString().contains(roomId) && path.getFileName().toString().equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError("no file " + name + " of room " + roomId));
        }
    }
}
