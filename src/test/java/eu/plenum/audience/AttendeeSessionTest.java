package eu.plenum.audience;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.shared.SecretTokens;
import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Attendee sessions over real HTTP and PostgreSQL: the lobby GET changes nothing, "Enter" starts a
 * session carried by a safe cookie whose token is stored only hashed, the device limit pushes the
 * oldest device out, a revoked registration loses its session at once, cross-site posts are refused.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class AttendeeSessionTest {

    @Inject
    AgroalDataSource dataSource;

    private static Response enter(String token, Cookie cookie) {
        var request = given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin");
        if (cookie != null) {
            request.cookie(cookie);
        }
        return request.post("/join/" + token + "/enter");
    }

    private static Cookie attendeeCookie(Response entered, String webinarId) {
        return entered.then().statusCode(303).extract().detailedCookie("plenum_attendee_" + webinarId);
    }

    private List<String[]> sessionsOf(String registrationId) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT id, token_hash, ended_reason FROM attendee_session WHERE registration_id = ? ORDER BY started_at, id")) {
            statement.setObject(1, UUID.fromString(registrationId));
            List<String[]> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new String[] {result.getString(1), result.getString(2), result.getString(3)});
                }
            }
            return rows;
        }
    }

    @Test
    void theLobbyShowsTheNoticeAndItsGetStartsNothing() throws Exception {
        String webinarId = Attendees.recordedWebinar("Lobby only");
        String token = Attendees.joinToken(webinarId, "Lena Lobby", "lena@audience.example");
        for (int i = 0; i < 3; i++) { // a mail scanner, a link preview, the attendee
            Response lobby = given().get("/join/" + token);
            lobby.then().statusCode(200).body(containsString("data-testid=\"join-page\""))
                    .body(containsString("data-testid=\"recording-notice\"")).body(containsString("data-entered=\"false\""))
                    .body(containsString("action=\"/join/" + token + "/enter\""));
            assertNull(lobby.getDetailedCookie("plenum_attendee_" + webinarId), "a GET set an attendee cookie");
        }
        assertEquals(0, sessionsOf(Attendees.registrationId(webinarId, "lena@audience.example")).size(), "a GET started a session");
        given().get("/attend/" + webinarId).then().statusCode(403);
        given().get("/join/not-a-token").then().statusCode(404);
    }

    @Test
    void enterStartsASessionWithAnHttpOnlyStrictCookieStoredOnlyAsItsHash() throws Exception {
        String webinarId = Attendees.recordedWebinar("Enter");
        String token = Attendees.joinToken(webinarId, "Emil Enter", "emil@audience.example");
        Response entered = enter(token, null);
        assertEquals("/attend/" + webinarId, java.net.URI.create(entered.header("Location")).getPath());
        Cookie cookie = attendeeCookie(entered, webinarId);
        assertTrue(cookie.isHttpOnly(), cookie.toString());
        assertEquals("Strict", cookie.getSameSite(), cookie.toString());
        assertEquals("/", cookie.getPath());
        assertTrue(cookie.getValue().length() >= 43, "a 256-bit random token");

        List<String[]> sessions = sessionsOf(Attendees.registrationId(webinarId, "emil@audience.example"));
        assertEquals(1, sessions.size());
        assertEquals(SecretTokens.hash(cookie.getValue()), sessions.get(0)[1], "only the token's SHA-256 is stored");
        assertFalse(sessions.get(0)[1].contains(cookie.getValue()));

        given().cookie(cookie).get("/attend/" + webinarId).then().statusCode(200)
                .body(containsString("data-entered=\"true\"")).body(containsString("Emil Enter"))
                .body(containsString("data-stage=\"WAITING\"")).body(org.hamcrest.Matchers.not(containsString(token)));
        // Pressing Enter again on the same device keeps its session (and its device slot).
        Cookie again = attendeeCookie(enter(token, cookie), webinarId);
        assertEquals(cookie.getValue(), again.getValue());
        assertEquals(1, sessionsOf(Attendees.registrationId(webinarId, "emil@audience.example")).size());
        // Not live yet: no viewer pass.
        given().cookie(cookie).header("Sec-Fetch-Site", "same-origin").post("/attend/" + webinarId + "/pass")
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo("urn:plenum:problem:room-not-live"));
        // Another webinar's page does not take this cookie.
        given().cookie(cookie).get("/attend/" + Attendees.recordedWebinar("Other")).then().statusCode(403);
    }

    private List<String> consentsOf(String registrationId) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT subject_kind || ':' || kind || ':' || notice_version FROM consent_record WHERE subject_id = ? "
                        + "AND withdrawn_at IS NULL ORDER BY kind")) {
            statement.setObject(1, UUID.fromString(registrationId));
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }

    @Test
    void consentsAreRecordsTheNoticeIsStoredOnEnteringAndDecliningNeverBlocksWatching() throws Exception {
        String webinarId = Attendees.recordedWebinar("Consent records");
        String yes = Attendees.joinToken(webinarId, "Yara Yes", "yara@audience.example", true);
        String no = Attendees.joinToken(webinarId, "Nils No", "nils@audience.example", false);
        String yara = Attendees.registrationId(webinarId, "yara@audience.example");
        String nils = Attendees.registrationId(webinarId, "nils@audience.example");
        assertEquals(List.of("REGISTRATION:PRIVACY_NOTICE:privacy-notice-v1", "REGISTRATION:RECORDING_CONSENT:recording-consent-v1"),
                consentsOf(yara));
        assertEquals(List.of("REGISTRATION:PRIVACY_NOTICE:privacy-notice-v1"), consentsOf(nils));

        given().get("/join/" + no).then().statusCode(200);
        assertEquals(1, consentsOf(nils).size(), "opening the lobby (a GET) stored the notice");
        // Declining recording consent never blocks watching (Art. 7(4)): Nils enters like anyone.
        Cookie cookie = attendeeCookie(enter(no, null), webinarId);
        enter(no, cookie).then().statusCode(303);
        assertEquals(List.of("REGISTRATION:PRIVACY_NOTICE:privacy-notice-v1",
                "REGISTRATION:RECORDING_NOTICE_SHOWN:" + AttendeeLobby.RECORDING_NOTICE_VERSION), consentsOf(nils),
                "the recording notice was shown on entering, stored once");
        given().cookie(cookie).get("/attend/" + webinarId).then().statusCode(200);
        enter(yes, null).then().statusCode(303);

        // The host's list and CSV export read the records.
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/webinars/" + webinarId + "/registrants")
                .then().statusCode(200).body("find { it.name == 'Yara Yes' }.recordingConsent", equalTo(true))
                .body("find { it.name == 'Nils No' }.recordingConsent", equalTo(false));
        String csv = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/webinars/" + webinarId + "/registrants/registrants.csv")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains("\"Yara Yes\",\"yara@audience.example\",\"REGISTERED\",\"yes\""), csv);
        assertTrue(csv.contains("\"Nils No\",\"nils@audience.example\",\"REGISTERED\",\"no\""), csv);
    }

    @Test
    void aThirdDeviceEndsTheOldestOfTwo() throws Exception {
        String webinarId = Attendees.recordedWebinar("Devices");
        String token = Attendees.joinToken(webinarId, "Dora Devices", "dora@audience.example");
        Cookie laptop = attendeeCookie(enter(token, null), webinarId);
        Cookie phone = attendeeCookie(enter(token, null), webinarId);
        Cookie tablet = attendeeCookie(enter(token, null), webinarId);

        List<String[]> sessions = sessionsOf(Attendees.registrationId(webinarId, "dora@audience.example"));
        assertEquals(3, sessions.size());
        assertEquals("OTHER_DEVICE", sessions.get(0)[2], "the oldest device is pushed out");
        assertNull(sessions.get(1)[2]);
        assertNull(sessions.get(2)[2]);
        given().cookie(laptop).get("/attend/" + webinarId).then().statusCode(403)
                .body("type", equalTo("urn:plenum:problem:not-admitted"));
        given().cookie(phone).get("/attend/" + webinarId).then().statusCode(200);
        given().cookie(tablet).get("/attend/" + webinarId).then().statusCode(200);
    }

    @Test
    void aRevokedRegistrationLosesItsSessionAtOnce() throws Exception {
        String webinarId = Attendees.recordedWebinar("Revoked");
        String token = Attendees.joinToken(webinarId, "Rolf Revoked", "rolf@audience.example");
        Cookie cookie = attendeeCookie(enter(token, null), webinarId);
        given().cookie(cookie).get("/attend/" + webinarId).then().statusCode(200);
        String registrationId = Attendees.registrationId(webinarId, "rolf@audience.example");

        given().auth().oauth2(Tokens.accessToken(Tokens.HOST))
                .post("/api/webinars/" + webinarId + "/registrants/" + registrationId + "/revoke-join-link").then().statusCode(204);

        given().cookie(cookie).get("/attend/" + webinarId).then().statusCode(403);
        given().cookie(cookie).get("/attend/" + webinarId + "/events").then().statusCode(403);
        given().cookie(cookie).header("Sec-Fetch-Site", "same-origin").post("/attend/" + webinarId + "/pass").then().statusCode(403);
        assertEquals("REVOKED", sessionsOf(registrationId).get(0)[2], "the session row is ended when the revocation commits");
        enter(token, null).then().statusCode(404);
    }

    @Test
    void crossSitePostsAndOversizedBodiesAreRefused() throws Exception {
        String webinarId = Attendees.recordedWebinar("Forgery");
        String token = Attendees.joinToken(webinarId, "Fritz Forgery", "fritz@audience.example");
        given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site").post("/join/" + token + "/enter")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:plenum:problem:cross-site-request"));
        given().redirects().follow(false).header("Origin", "https://attacker.example").post("/join/" + token + "/enter")
                .then().statusCode(403);
        assertEquals(0, sessionsOf(Attendees.registrationId(webinarId, "fritz@audience.example")).size());
        given().header("Sec-Fetch-Site", "same-origin").contentType("text/plain").body("x".repeat(2048))
                .post("/join/" + token + "/enter").then().statusCode(413).contentType("application/problem+json");
    }

    private long count(String sql, String webinarId) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(webinarId));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Test
    void anOpenWebinarIsWatchedWithoutRegistrationAndStoresNothingAboutTheViewer() throws Exception {
        String webinarId = Attendees.recordedWebinar("Open house live");
        given().get("/watch/" + webinarId).then().statusCode(404); // registration required by default
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType("application/json").body(java.util.Map.of("accessMode", "OPEN"))
                .put("/api/webinars/" + webinarId + "/access-mode").then().statusCode(200)
                .body("accessMode", equalTo("OPEN")).body("watchPath", equalTo("/watch/" + webinarId));

        given().get("/watch/" + webinarId).then().statusCode(200).body(containsString("data-testid=\"recording-notice\""))
                .body(containsString("action=\"/watch/" + webinarId + "/enter\""));
        assertEquals(0, count("SELECT count(*) FROM consent_record WHERE webinar_id = ?", webinarId), "a GET stored something");
        Response entered = given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").post("/watch/" + webinarId + "/enter");
        entered.then().statusCode(303);
        Cookie viewer = entered.detailedCookie("plenum_viewer_" + webinarId);
        assertTrue(viewer.isHttpOnly() && "Strict".equals(viewer.getSameSite()), viewer.toString());
        given().cookie(viewer).get("/attend/" + webinarId).then().statusCode(200).body(containsString("data-entered=\"true\""));
        given().cookie(viewer).header("Sec-Fetch-Site", "same-origin").post("/attend/" + webinarId + "/pass").then().statusCode(409);
        // Entering again with the cookie keeps the same random id.
        given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").cookie(viewer)
                .post("/watch/" + webinarId + "/enter").then().statusCode(303);

        // Nothing about the viewer: no registration, no session row; only the notice record under the random id.
        assertEquals(0, count("SELECT count(*) FROM registration WHERE webinar_id = ?", webinarId));
        assertEquals(0, count("SELECT count(*) FROM attendee_session WHERE webinar_id = ?", webinarId));
        assertEquals(1, count("SELECT count(*) FROM consent_record WHERE webinar_id = ? AND subject_kind = 'OPEN_VIEWER' "
                + "AND kind = 'RECORDING_NOTICE_SHOWN'", webinarId));
        // A forged or foreign cookie opens nothing; closing the webinar again ends the viewer's access.
        String forged = (viewer.getValue().charAt(0) == 'A' ? "B" : "A") + viewer.getValue().substring(1);
        given().cookie("plenum_viewer_" + webinarId, forged).get("/attend/" + webinarId).then().statusCode(403);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType("application/json")
                .body(java.util.Map.of("accessMode", "REGISTRATION")).put("/api/webinars/" + webinarId + "/access-mode").then().statusCode(200);
        given().cookie(viewer).get("/attend/" + webinarId).then().statusCode(403);
        given().get("/watch/" + webinarId).then().statusCode(404);
    }

    @Test
    void hlsJsIsServedFromItsWebjar() {
        String script = given().get("/webjars/hls.js/1.4.12/dist/hls.light.min.js").then().statusCode(200).extract().asString();
        assertNotNull(script);
        assertTrue(script.contains("Hls"), "hls.js itself");
    }
}
