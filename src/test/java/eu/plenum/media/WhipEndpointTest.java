package eu.plenum.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every WHIP refusal is a precise 4xx with problem+json, decided before a media worker is involved. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class WhipEndpointTest {

    private static final String PROBLEM = "application/problem+json";
    static final String OFFER = """
            v=0\r
            o=- 4611731400430051336 2 IN IP4 127.0.0.1\r
            s=-\r
            t=0 0\r
            a=group:BUNDLE 0\r
            m=video 9 UDP/TLS/RTP/SAVPF 96\r
            c=IN IP4 0.0.0.0\r
            a=mid:0\r
            a=sendonly\r
            a=rtpmap:96 VP8/90000\r
            """;
    private static LiveRoomMediaTest.Room room;

    /** One room for the refusals, opened on first use (RestAssured knows the test port only once a test runs). */
    private static LiveRoomMediaTest.Room room() {
        if (room == null) {
            room = LiveRoomMediaTest.openRoom("WHIP refusals");
        }
        return room;
    }

    @Test
    void malformedSdpIs400() {
        whip(room().key(), "this is not sdp").then().statusCode(400).contentType(PROBLEM)
                .body("type", containsString("malformed-sdp"));
        whip(room().key(), "v=0\r\ns=-\r\n").then().statusCode(400).body("detail", containsString("origin"));
        whip(room().key(), "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\nm=video\r\n").then().statusCode(400).body("detail", containsString("media description"));
    }

    @Test
    void unsupportedCodecsAndKindsAre422() {
        whip(room().key(), OFFER.replace("VP8/90000", "AV1/90000")).then().statusCode(422).contentType(PROBLEM)
                .body("type", containsString("unsupported-media")).body("detail", containsString("AV1"));
        whip(room().key(), OFFER + "m=video 9 UDP/TLS/RTP/SAVPF 97\r\na=sendonly\r\na=rtpmap:97 VP8/90000\r\n").then().statusCode(422)
                .body("detail", containsString("second session"));
        whip(room().key(), OFFER.replace("a=sendonly", "a=recvonly")).then().statusCode(422)
                .body("detail", containsString("sends no audio or video"));
    }

    @Test
    void wrongOrMissingCredentialIs401() {
        whip("sk_not-the-key", OFFER).then().statusCode(401).contentType(PROBLEM).body("type", containsString("wrong-stream-key"));
        given().contentType("application/sdp").body(bytes(OFFER)).post(path(room().id())).then().statusCode(401)
                .body("type", containsString("credential-missing"));
        whip("not-a-token", OFFER).then().statusCode(401);
    }

    @Test
    void anotherOrganisationsHostGets404AndAHostWithoutTheRole403() {
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX)).contentType("application/sdp").body(bytes(OFFER))
                .post(path(room().id())).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).contentType("application/sdp").body(bytes(OFFER))
                .post(path(room().id())).then().statusCode(403);
    }

    @Test
    void theHostsOwnAccessTokenIsAccepted() {
        // Past authentication, the offer itself is judged: proves the OIDC credential was taken.
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType("application/sdp").body(bytes("not sdp"))
                .post(path(room().id())).then().statusCode(400).body("type", containsString("malformed-sdp"));
    }

    @Test
    void unknownRoomIs404() {
        whip(room().key(), OFFER, path(UUID.randomUUID().toString())).then().statusCode(404).contentType(PROBLEM)
                .body("type", containsString("unknown-room"));
    }

    @Test
    void deleteOfAnUnknownSessionIs404() {
        given().header("Authorization", "Bearer " + room().key()).delete(path(room().id()) + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM).body("type", containsString("unknown-whip-session"));
    }

    @Test
    void wrongContentTypeIs415AndOversizedOfferIs413() {
        given().header("Authorization", "Bearer " + room().key()).contentType("application/json").body("{}")
                .post(path(room().id())).then().statusCode(415).contentType(PROBLEM);
        whip(room().key(), OFFER + "a=x:" + "y".repeat(70_000) + "\r\n").then().statusCode(413);
    }

    @Test
    void patchIs405AsForServersWithoutTrickleIce() {
        given().header("Authorization", "Bearer " + room().key()).contentType("application/trickle-ice-sdpfrag").body(bytes("a=end-of-candidates"))
                .patch(path(room().id()) + "/" + UUID.randomUUID()).then().statusCode(405).header("Allow", containsString("DELETE"))
                .contentType("application/problem+json");
    }

    @Test
    void optionsAnswersBrowsersPreflight() {
        given().header("Origin", "https://encoder.example").header("Access-Control-Request-Method", "POST")
                .options(path(room().id())).then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Expose-Headers", containsString("Location"))
                .header("Accept-Post", equalTo("application/sdp"));
    }

    @Test
    void rotatingTheStreamKeyRetiresTheOldOne() {
        LiveRoomMediaTest.Room own = LiveRoomMediaTest.openRoom("Key rotation");
        String fresh = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).post("/api/rooms/" + own.id() + "/stream-key")
                .then().statusCode(200).extract().path("streamKey");
        whip(own.key(), OFFER, path(own.id())).then().statusCode(401);
        whip(fresh, "garbage", path(own.id())).then().statusCode(400);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX)).post("/api/rooms/" + own.id() + "/stream-key")
                .then().statusCode(404);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String path(String roomId) {
        return "/api/rooms/" + roomId + "/whip";
    }

    private static io.restassured.response.Response whip(String credential, String sdp) {
        return whip(credential, sdp, path(room().id()));
    }

    private static io.restassured.response.Response whip(String credential, String sdp, String path) {
        return given().header("Authorization", "Bearer " + credential).contentType("application/sdp").body(bytes(sdp)).post(path);
    }
}
