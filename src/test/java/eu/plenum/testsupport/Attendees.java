package eu.plenum.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Attendees for tests: a recorded webinar anyone can register for, and registrations through the real double opt-in. */
public final class Attendees {

    private static final Pattern CONFIRM = Pattern.compile("http://localhost:8081/r/confirm/([A-Za-z0-9_-]{43})");

    private Attendees() {
    }

    /** A recorded webinar with open registration and no questions; returns its id. */
    public static String recordedWebinar(String title) {
        Map<String, Object> body = Webinars.sample(title);
        body.put("registrationMode", "OPEN");
        body.put("recordingPolicy", "ON_WITH_CONSENT");
        body.put("questions", List.of());
        return Webinars.create(Tokens.HOST, body);
    }

    /** Registers {@code email} (privacy notice acknowledged), confirms from the mail, and returns the personal join token. */
    public static String joinToken(String webinarId, String name, String email) {
        return joinToken(webinarId, name, email, false);
    }

    /** As {@link #joinToken(String, String, String)}, with or without consent to being recorded. */
    public static String joinToken(String webinarId, String name, String email, boolean recordingConsent) {
        return joinToken(webinarId, email,
                Map.of("name", name, "email", email, "privacyAcknowledged", true, "recordingConsent", recordingConsent));
    }

    /** Registers with the given form (answers and all) for {@code email}, confirms from the mail, returns the join token. */
    public static String joinToken(String webinarId, String email, Map<String, Object> form) {
        given().contentType(ContentType.JSON).body(form)
                .post("/api/public/webinars/" + webinarId + "/registrations").then().statusCode(202);
        String confirm = PlenumTestServers.mailbox().awaitOne(email, "Confirm your registration").find(CONFIRM);
        String location = given().redirects().follow(false).post("/r/confirm/" + confirm)
                .then().statusCode(303).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The id of the registration of {@code email} in the webinar, as the host sees it. */
    public static String registrationId(String webinarId, String email) {
        return given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).queryParam("q", email)
                .get("/api/webinars/" + webinarId + "/registrants").then().statusCode(200).extract().path("[0].id");
    }

    /** The first session of a webinar. */
    public static String firstSession(String webinarId) {
        return given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/webinars/" + webinarId)
                .then().statusCode(200).extract().path("sessions[0].id");
    }
}
