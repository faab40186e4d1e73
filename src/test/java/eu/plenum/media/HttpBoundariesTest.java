package eu.plenum.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Limits and headers at the HTTP boundary: request bodies are limited in bytes before they are
 * read (problem+json 413 for WHIP offers on both paths and for everything else, 411 for an offer
 * without a length),
 * a Range number too large for a long is a 416 problem, and every WHIP answer — errors included —
 * is readable by a browser WHIP client on another origin.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class HttpBoundariesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ORIGIN = "https://encoder.example";
    private static LiveRoomMediaTest.Room room;

    @Inject
    AgroalDataSource database;

    private static LiveRoomMediaTest.Room room() {
        if (room == null) {
            room = LiveRoomMediaTest.openRoom("HTTP boundaries");
        }
        return room;
    }

    private static byte[] offerOf(int bytes) {
        String head = WhipEndpointTest.OFFER + "a=x:";
        return (head + "é".repeat((bytes - head.length()) / 2 + 1)).getBytes(StandardCharsets.UTF_8);
    }

    /** One address that floods live HLS is refused with a 429 problem and a Retry-After; %test allows 300 a minute. */
    @Test
    void anAddressThatFloodsLiveHlsIsRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI playlist = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/live/" + UUID.randomUUID() + "/index.m3u8");
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(playlist).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, first.statusCode(), "an unsigned request is refused for its signature before any limit: " + first.body());
        HttpResponse<String> last = first;
        for (int i = 0; i < 600 && last.statusCode() != 429; i++) {
            last = http.send(HttpRequest.newBuilder(playlist).build(), HttpResponse.BodyHandlers.ofString());
        }
        assertEquals(429, last.statusCode(), last.body());
        assertEquals(PROBLEM, last.headers().firstValue("Content-Type").orElse(""));
        assertTrue(last.body().contains("too-many-requests"), last.body());
        assertTrue(Integer.parseInt(last.headers().firstValue("Retry-After").orElse("0")) >= 1, "a Retry-After is given");
    }

    @Test
    void anOfferOverTheLimitInBytesIs413ProblemOnTheApiAndTheStudioPath() {
        // 40 000 characters, 80 000 bytes: counting characters let it through.
        byte[] offer = offerOf(80_000);
        assertTrue(new String(offer, StandardCharsets.UTF_8).length() < 65_536 && offer.length > 65_536);
        given().header("Authorization", "Bearer " + room().key()).header("Origin", ORIGIN).contentType("application/sdp").body(offer)
                .post("/api/rooms/" + room().id() + "/whip")
                .then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("urn:plenum:problem:body-too-large"))
                .body("detail", containsString("65536 bytes"))
                .header("Access-Control-Allow-Origin", equalTo("*"));
        given().redirects().follow(false).contentType("application/sdp").body(offer)
                .post("/host/studio/rooms/" + room().id() + "/whip")
                .then().statusCode(413).contentType(PROBLEM).body("type", equalTo("urn:plenum:problem:body-too-large"));
    }

    @Test
    void aChunkedOfferIs411ProblemBecauseOnlyADeclaredLengthCanBeJudged() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/rooms/" + room().id() + "/whip"))
                .header("Authorization", "Bearer " + room().key()).header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(offerOf(200_000))))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(411, response.statusCode(), response.body());
        assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("urn:plenum:problem:length-required"), response.body());
        assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    @Test
    void anyBodyOverTheOverallLimitIs413Problem() {
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType("application/json")
                .body("{\"title\":\"" + "x".repeat(1_100_000) + "\"}")
                .post("/api/webinars")
                .then().statusCode(413).contentType(PROBLEM).body("type", equalTo("urn:plenum:problem:body-too-large"));
    }

    @Test
    void everyWhipAnswerCarriesCorsHeadersErrorsIncluded() {
        String path = "/api/rooms/" + room().id() + "/whip";
        assertCors(given().header("Origin", ORIGIN).header("Authorization", "Bearer sk_wrong").contentType("application/sdp")
                .body(WhipEndpointTest.OFFER.getBytes(StandardCharsets.UTF_8)).post(path), 401);
        assertCors(given().header("Origin", ORIGIN).header("Authorization", "Bearer " + room().key()).contentType("application/sdp")
                .body("not sdp".getBytes(StandardCharsets.UTF_8)).post(path), 400);
        assertCors(given().header("Origin", ORIGIN).header("Authorization", "Bearer " + room().key()).contentType("application/sdp")
                .body(WhipEndpointTest.OFFER.getBytes(StandardCharsets.UTF_8)).post("/api/rooms/" + UUID.randomUUID() + "/whip"), 404);
        assertCors(given().header("Origin", ORIGIN).header("Authorization", "Bearer " + room().key()).contentType("application/json")
                .body("{}").post(path), 415);
        assertCors(given().header("Origin", ORIGIN).header("Authorization", "Bearer " + room().key())
                .delete(path + "/" + UUID.randomUUID()), 404);
        assertCors(given().header("Origin", ORIGIN).patch(path + "/" + UUID.randomUUID()), 405);
        assertCors(given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "DELETE")
                .header("Access-Control-Request-Headers", "authorization").options(path + "/" + UUID.randomUUID()), 204);
        assertCors(given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").options(path), 204);
    }

    @Test
    void aRangeNumberTooLargeForALongIs416Problem() throws Exception {
        String recording = seededRecording(4096);
        String media = "/api/recordings/" + recording + "/media";
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).header("Range", "bytes=10-19").get(media)
                .then().statusCode(206).header("Content-Range", "bytes 10-19/4096");
        for (String range : new String[] {"bytes=99999999999999999999-", "bytes=0-99999999999999999999999"}) {
            Response response = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).header("Range", range).get(media);
            if (range.startsWith("bytes=0-")) {
                // A last position past the end means "to the end" (RFC 9110 section 14.1.2).
                response.then().statusCode(206).header("Content-Range", "bytes 0-4095/4096");
            } else {
                response.then().statusCode(416).contentType(PROBLEM).body("type", equalTo("urn:plenum:problem:range-not-satisfiable"))
                        .header("Content-Range", "bytes */4096");
            }
        }
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).header("Range", "bytes=-99999999999999999999").get(media)
                .then().statusCode(206).header("Content-Range", "bytes 0-4095/4096");
    }

    private static void assertCors(Response response, int status) {
        response.then().statusCode(status)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Expose-Headers", containsString("Location"))
                .header("Access-Control-Expose-Headers", containsString("Link"))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    /** A finished recording of the room, catalogued as the supervisor would, with a file of {@code size} bytes. */
    private String seededRecording(int size) throws Exception {
        // Laid out as media workers write: <place folder>/<tenant>/<room>/<file> (the recording's storage key).
        Path file = Files.createDirectories(Path.of("target", "test-storage", "range-test", "acme", room().id()))
                .resolve(UUID.randomUUID() + ".webm");
        Files.write(file, new byte[size]);
        String sessionId = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/webinars/" + room().webinarId())
                .then().statusCode(200).extract().path("sessions[0].id");
        UUID publisher = UUID.randomUUID();
        UUID recording = UUID.randomUUID();
        try (Connection connection = database.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO room_publisher (id, room_id, tenant_id, "
                    + "has_video, has_audio, video_codec, ended_at) VALUES (?, ?, 'acme', true, false, 'VP8', now())")) {
                insert.setObject(1, publisher);
                insert.setObject(2, UUID.fromString(room().id()));
                insert.execute();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO recording (id, tenant_id, room_id, session_id, "
                    + "publisher_id, tracks, container, storage_place, storage_region, file_path, status, size_bytes, ended_at) "
                    + "VALUES (?, 'acme', ?, ?, ?, 'video', 'webm', 'recordings', 'eu-fra', ?, 'COMPLETE', ?, now())")) {
                insert.setObject(1, recording);
                insert.setObject(2, UUID.fromString(room().id()));
                insert.setObject(3, UUID.fromString(sessionId));
                insert.setObject(4, publisher);
                insert.setString(5, file.toAbsolutePath().toString());
                insert.setLong(6, size);
                insert.execute();
            }
        }
        return recording.toString();
    }
}
