package eu.plenum.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * When no media worker can start, going live says so plainly and the health check goes down; the
 * pool keeps trying with back-off, and recovers by itself once workers can start again.
 */
@QuarkusTest
@TestProfile(WorkerStartFailureTest.BrokenWorkers.class)
@WithTestResource(PlenumTestServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkerStartFailureTest {

    /**
     * The workers' JVM options come from this argument file (the java launcher reads {@code @file}), so the
     * test can repair them. Outside the app's working folder and readable by all: a worker under a user
     * of its own does not see the app's folder at all.
     */
    static final Path OPTIONS = Path.of(System.getProperty("java.io.tmpdir"),
            "plenum-worker-start-failure-" + ProcessHandle.current().pid(), "jvm-options");

    /** Workers whose JVM cannot start at all (a heap too small to boot), retried every second or two. */
    public static class BrokenWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(OPTIONS.getParent());
                Files.setPosixFilePermissions(OPTIONS.getParent(), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.writeString(OPTIONS, "-Xmx1k\n");
                Files.setPosixFilePermissions(OPTIONS, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Map.of("plenum.media.pool-size", "1", "plenum.media.worker-jvm-options", "@" + OPTIONS,
                    "plenum.media.start-retry-first", "1s", "plenum.media.start-retry-max", "2s");
        }
    }

    @Test
    @Order(1)
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
        String health = given().get("/q/health").then().statusCode(503)
                .body("checks.find { it.name == 'Media workers' }.status", org.hamcrest.Matchers.equalTo("DOWN"))
                .body("checks.find { it.name == 'Media workers' }.data.reason", containsString("/api/admin/media/workers"))
                .extract().asString();
        assertFalse(health.contains("heap"), "the public health endpoint quotes no worker output: " + health);
        given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).get("/api/admin/media/workers").then().statusCode(200)
                .body("lastStartFailure", containsString("heap")).body("cannotStart", org.hamcrest.Matchers.equalTo(true));
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/rooms/" + room.id())
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("ENDED"))
                .body("endedReason", org.hamcrest.Matchers.equalTo("NO_WORKER"));
    }

    @Test
    @Order(2)
    void thePoolKeepsTryingWithBackOffAndRecoversOnceWorkersCanStart() throws Exception {
        long failedStarts = failedStarts();
        Instant deadline = Instant.now().plusSeconds(60);
        while (failedStarts() < failedStarts + 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertTrue(failedStarts() >= failedStarts + 2, "the pool did not give up: it tried again, twice");
        given().get("/q/health").then().body("checks.find { it.name == 'Media workers' }.data.'next start attempt'",
                org.hamcrest.Matchers.notNullValue());

        Files.writeString(OPTIONS, "-Xmx96m\n"); // the operator fixes the cause; nobody restarts the app
        deadline = Instant.now().plusSeconds(90);
        while (given().get("/q/health").statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        given().get("/q/health").then().statusCode(200)
                .body("checks.find { it.name == 'Media workers' }.status", org.hamcrest.Matchers.equalTo("UP"));
        LiveRoomMediaTest.Room room = LiveRoomMediaTest.openRoom("Workers are back");
        int status = given().header("Authorization", "Bearer " + room.key()).contentType("application/sdp")
                .body(WhipEndpointTest.OFFER.getBytes(StandardCharsets.UTF_8)).post("/api/rooms/" + room.id() + "/whip")
                .then().extract().statusCode();
        assertTrue(status != 503, "go-live reaches a worker again (the canned offer itself may be refused): " + status);
        List<String> history = LiveRoomMediaTest.room(room.id()).getList("history.kind");
        assertTrue(history.contains("WENT_LIVE"), "the room went live on a worker: " + history);
    }

    private static long failedStarts() {
        return given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).get("/api/admin/media/workers").then().statusCode(200)
                .extract().jsonPath().getLong("failedStarts");
    }

    @Test
    @Order(3)
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
