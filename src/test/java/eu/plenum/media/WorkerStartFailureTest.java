package eu.plenum.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When no media worker can start, going live says so plainly, and the health check goes down with the reason. */
@QuarkusTest
@TestProfile(WorkerStartFailureTest.BrokenWorkers.class)
@WithTestResource(PlenumTestServers.class)
class WorkerStartFailureTest {

    /** Workers whose JVM cannot start at all (a heap too small to boot). */
    public static class BrokenWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plenum.media.pool-size", "1", "plenum.media.worker-jvm-options", "-Xmx1k");
        }
    }

    @Test
    void goLiveAnswers503WithTheWorkersOwnErrorAndHealthIsDown() throws Exception {
        LiveRoomMediaTest.Room room = LiveRoomMediaTest.openRoom("No workers");
        given().header("Authorization", "Bearer " + room.key()).contentType("application/sdp")
                .body(WhipEndpointTest.OFFER.getBytes(StandardCharsets.UTF_8))
                .post("/api/rooms/" + room.id() + "/whip")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", containsString("no-media-worker"))
                .body("detail", containsString("No media worker can start on this node"))
                .body("detail", containsString("heap"));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health").then().statusCode(503)
                .body("checks.find { it.name == 'Media workers' }.status", org.hamcrest.Matchers.equalTo("DOWN"))
                .body("checks.find { it.name == 'Media workers' }.data.'last start failure'", containsString("heap"));
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/rooms/" + room.id())
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("ENDED"))
                .body("endedReason", org.hamcrest.Matchers.equalTo("NO_WORKER"));
    }

    @Test
    void aWorkerWithoutGStreamerPluginsNamesWhatIsMissing() throws Exception {
        Path empty = Files.createTempDirectory("no-gst-plugins");
        List<String> command = List.of(ProcessHandle.current().info().command().orElseThrow(), "--enable-native-access=ALL-UNNAMED",
                "-Dplenum.roles=media-worker", "-cp", System.getProperty("java.class.path"), "eu.plenum.PlenumMain");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PLENUM_WORKER_SECRET", "x".repeat(43));
        builder.environment().put("GST_PLUGIN_SYSTEM_PATH_1_0", empty.toString());
        builder.environment().put("GST_PLUGIN_PATH_1_0", empty.toString());
        builder.environment().put("GST_REGISTRY_1_0", empty.resolve("registry.bin").toString());
        Process worker = builder.start();
        String output = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(worker.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, worker.exitValue(), output);
        assertTrue(output.contains("Media worker cannot start: GStreamer element 'webrtcbin' is missing"), output);
        assertTrue(output.contains("deploy/debian-packages.txt"), output);
    }
}
