package eu.plenum.media.storage;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.ProjectPaths;
import eu.plenum.testsupport.S3Server;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Recordings in each site's object store, through the real flow: Globex (home Warsaw, site A) goes live
 * through WHIP with real Chromium; while it records, the backup site B's store gets the live mirror; the
 * finished file is uploaded from the node's spool into A's store, then copied A → B store to store through
 * the transfer guard, each verified by SHA-256. The node then holds no file of it, and still serves ranges
 * and the download from A's store; with A's store gone, from B's.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
@WithTestResource(S3Sites.class)
class ObjectStoreRecordingTest {

    private static final String APP = "http://localhost:8081";
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
    void aRecordingMadeAtSiteAIsInSiteBsStoreWithItsChecksumAndServedByANodeWithoutTheFile() throws Exception {
        String webinarId = Webinars.create(Tokens.HOST_OF_GLOBEX, Webinars.sample("Recorded into object storage"));
        String sessionId = asGlobex().get("/api/webinars/" + webinarId).then().statusCode(200).extract().path("sessions[0].id");
        JsonPath opened = asGlobex().contentType(ContentType.JSON).post("/api/webinars/" + webinarId + "/sessions/" + sessionId + "/room")
                .then().statusCode(201).extract().jsonPath();
        String roomId = opened.getString("room.id");
        WhipPublishers publishers = new WhipPublishers(browser, APP + "/");
        Map<String, Object> camera = publishers.publish(opened.getString("room.whipUrl"), opened.getString("streamKey"), 640, 480);
        assertEquals(201, camera.get("status"), String.valueOf(camera));
        await("site B's store holds a live mirror of the recording in progress",
                () -> !objects(S3Sites.siteB(), S3Sites.BUCKET_B, "globex/" + roomId + "/", key -> key.contains(".growing/")).isEmpty());
        assertEquals(200, publishers.unpublish((String) camera.get("location")).get("status"));
        JsonPath ended = asGlobex().post("/api/rooms/" + roomId + "/end").then().statusCode(200).extract().jsonPath();
        publishers.page().context().close();
        String recordingId = ended.getString("recordings[0].id");
        String sha256 = ended.getString("recordings[0].sha256");

        await("both copies verified", () -> asGlobex().get("/api/recordings/" + recordingId).then().extract().jsonPath()
                .getList("copies.findAll { it.status == 'VERIFIED' }").size() == 2);
        JsonPath recording = asGlobex().get("/api/recordings/" + recordingId).then().statusCode(200).extract().jsonPath();
        assertEquals(sha256, recording.getString("copies.find { !it.backup }.sha256"), recording.prettify());
        assertEquals(sha256, recording.getString("copies.find { it.backup }.sha256"), recording.prettify());

        List<String> inB = objects(S3Sites.siteB(), S3Sites.BUCKET_B, "globex/" + roomId + "/", key -> true);
        assertEquals(1, inB.size(), "one object at site B, the live mirror gone: " + inB);
        assertEquals(sha256, sha256(S3Sites.siteB(), S3Sites.BUCKET_B, inB.get(0)), "site B's object has the catalogue's SHA-256");
        String key = inB.get(0);
        byte[] atA = bytes(S3Sites.siteA(), S3Sites.BUCKET_A, S3Sites.PREFIX_A + key);
        assertEquals(sha256, HexFormat.of().formatHex(Sha256.digest().digest(atA)), "site A's object too");

        Path spool = ProjectPaths.target("test-storage", "spool");
        try (Stream<Path> files = Files.exists(spool) ? Files.walk(spool) : Stream.empty()) {
            assertTrue(files.noneMatch(path -> path.toString().contains(roomId) && Files.isRegularFile(path)),
                    "this node keeps no file of the recording once A's store holds it");
        }
        assertServed(recordingId, sha256, atA);

        S3Sites.siteA().close(); // site A's object store is lost: the verified copy at site B serves
        assertServed(recordingId, sha256, atA);
    }

    private static void assertServed(String recordingId, String sha256, byte[] object) {
        Response range = asGlobex().header("Range", "bytes=1000-4999").get("/api/recordings/" + recordingId + "/media");
        assertEquals(206, range.statusCode(), range.asString());
        assertEquals("bytes 1000-4999/" + object.length, range.header("Content-Range"));
        assertArrayEquals(java.util.Arrays.copyOfRange(object, 1000, 5000), range.asByteArray());
        Response download = asGlobex().queryParam("download", true).get("/api/recordings/" + recordingId + "/media");
        assertEquals(200, download.statusCode());
        assertTrue(download.header("Content-Disposition").startsWith("attachment"), download.headers().toString());
        assertEquals(sha256, HexFormat.of().formatHex(Sha256.digest().digest(download.asByteArray())), "the whole download");
    }

    private static List<String> objects(S3Server server, String bucket, String prefix, Predicate<String> which) {
        try (S3Client client = server.client()) {
            return client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key).filter(which).toList();
        }
    }

    private static byte[] bytes(S3Server server, String bucket, String key) {
        try (S3Client client = server.client()) {
            return client.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
        }
    }

    private static String sha256(S3Server server, String bucket, String key) {
        return HexFormat.of().formatHex(Sha256.digest().digest(bytes(server, bucket, key)));
    }

    private static RequestSpecification asGlobex() {
        return given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX));
    }

    /** Waits generously (two loaded cores) for {@code condition}. */
    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(300);
        }
        assertFalse(true, "not within 90 s: " + what);
    }
}
