package eu.plenum.media;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.MediaProbe;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.ProjectPaths;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recordings stay in the tenant's home region, through the real flow: Globex (home region Warsaw,
 * sample tenant of the bundled realm) goes live through WHIP with real Chromium; its file is
 * written only under the Warsaw storage and copied only to the storage declared as Warsaw's
 * backup (Strasbourg), never to Frankfurt's storage or Frankfurt's backup.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class WarsawRecordingTest {

    private static final String APP = "http://localhost:8081";
    private static final Path STORAGE = ProjectPaths.target("test-storage");
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
    void aWarsawTenantsRecordingLandsOnlyInWarsawAndItsBackup() throws Exception {
        String webinarId = Webinars.create(Tokens.HOST_OF_GLOBEX, Webinars.sample("Recorded in Warsaw"));
        String sessionId = asGlobex().get("/api/webinars/" + webinarId).then().statusCode(200).extract().path("sessions[0].id");
        JsonPath opened = asGlobex().contentType(ContentType.JSON)
                .post("/api/webinars/" + webinarId + "/sessions/" + sessionId + "/room")
                .then().statusCode(201).extract().jsonPath();
        String roomId = opened.getString("room.id");

        WhipPublishers publishers = new WhipPublishers(browser, APP + "/");
        Map<String, Object> camera = publishers.publish(opened.getString("room.whipUrl"), opened.getString("streamKey"), 640, 480);
        assertEquals(201, camera.get("status"), String.valueOf(camera));
        awaitRecordedBytes(roomId);
        assertEquals(200, publishers.unpublish((String) camera.get("location")).get("status"));
        JsonPath ended = asGlobex().post("/api/rooms/" + roomId + "/end").then().statusCode(200).extract().jsonPath();
        publishers.page().context().close();

        List<Map<String, Object>> recordings = ended.getList("recordings");
        assertEquals(1, recordings.size(), String.valueOf(recordings));
        String recordingId = (String) recordings.get(0).get("id");
        String sha256 = (String) recordings.get(0).get("sha256");
        JsonPath recording = awaitVerifiedBackup(recordingId);
        assertEquals("eu-waw", recording.getString("copies.find { !it.backup }.region"), recording.prettify());
        assertEquals("eu-sxb", recording.getString("copies.find { it.backup }.region"), recording.prettify());
        assertEquals(sha256, recording.getString("copies.find { it.backup }.sha256"));
        assertEquals(2, recording.getList("copies").size(), "one home copy and one backup: " + recording.prettify());

        // Every file of the room, in every storage folder of the test run: only Warsaw and Warsaw's backup.
        List<Path> files;
        try (Stream<Path> all = Files.walk(STORAGE)) {
            files = all.filter(Files::isRegularFile).filter(path -> path.toString().contains(roomId)).toList();
        }
        Set<String> folders = files.stream().map(path -> STORAGE.relativize(path).getName(0).toString()).collect(Collectors.toSet());
        assertEquals(Set.of("eu-waw", "eu-sxb-backup-of-waw"), folders, "where the room's files are: " + files);
        for (Path file : files) {
            assertTrue(STORAGE.relativize(file).toString().startsWith(STORAGE.relativize(file).getName(0) + "/globex/" + roomId + "/"),
                    "filed under the tenant and room: " + file);
        }
        Path home = files.stream().filter(path -> STORAGE.relativize(path).startsWith("eu-waw") && path.toString().endsWith(".webm"))
                .findFirst().orElseThrow(() -> new AssertionError("no recording file in Warsaw storage: " + files));
        assertTrue(MediaProbe.of(home).codecs().containsAll(List.of("video/vp8", "audio/opus")), "a real recording: " + home);
        assertEquals(sha256, eu.plenum.media.rooms.RecordingFiles.sha256(home));

        List<String> recordingPlaces = given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN))
                .get("/api/compliance/tenants/globex/data-location").then().statusCode(200)
                .extract().jsonPath().getList("lines.findAll { it.category.startsWith('Recordings') }.place");
        assertEquals(List.of("recordings-waw", "recordings-waw-backup"), recordingPlaces.stream().sorted().toList(),
                "the data-location report names exactly where the files are");
    }

    private static io.restassured.specification.RequestSpecification asGlobex() {
        return given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX));
    }

    /** Waits (generously) until the recording in progress has bytes in the home copy: media really flowed. */
    private static void awaitRecordedBytes(String roomId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            JsonPath room = asGlobex().get("/api/rooms/" + roomId).then().statusCode(200).extract().jsonPath();
            String recordingId = room.getString("recordings.find { it.status == 'RECORDING' }.id");
            if (recordingId != null) {
                JsonPath recording = asGlobex().get("/api/recordings/" + recordingId).then().statusCode(200).extract().jsonPath();
                Object bytes = recording.get("copies.find { it.backup }.sizeBytes");
                if (bytes instanceof Number mirrored && mirrored.longValue() > 50_000) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no media reached the recording of room " + roomId);
    }

    private static JsonPath awaitVerifiedBackup(String recordingId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonPath recording;
        do {
            Thread.sleep(300);
            recording = asGlobex().get("/api/recordings/" + recordingId).then().statusCode(200).extract().jsonPath();
        } while (!"VERIFIED".equals(recording.getString("copies.find { it.backup }.status")) && Instant.now().isBefore(deadline));
        assertEquals("VERIFIED", recording.getString("copies.find { it.backup }.status"), recording.prettify());
        return recording;
    }
}
