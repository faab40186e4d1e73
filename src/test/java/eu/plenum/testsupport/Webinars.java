package eu.plenum.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Webinars for tests, scheduled through the real API. */
public final class Webinars {

    /** Next year, so that every sample start is in the future. */
    public static final String NEXT_YEAR = String.valueOf(LocalDate.now().getYear() + 1);

    private Webinars() {
    }

    /** A weekly webinar in Berlin: three sessions from 20 October, 10:00 local, across the end of summer time. */
    public static Map<String, Object> sample(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", "How sovereign hosting works");
        body.put("speakers", List.of("Ada Lovelace", "Grace Hopper"));
        body.put("language", "en");
        body.put("timeZone", "Europe/Berlin");
        body.put("start", NEXT_YEAR + "-10-20T10:00");
        body.put("durationMinutes", 60);
        body.put("recurrence", "WEEKLY");
        body.put("recurrenceCount", 3);
        body.put("capacity", 100);
        body.put("registrationMode", "APPROVAL");
        body.put("recordingPolicy", "ON_WITH_CONSENT");
        body.put("questions", List.of(
                Map.of("kind", "TEXT", "label", "Your company", "required", false),
                Map.of("kind", "SINGLE_CHOICE", "label", "Role", "required", true, "choices", List.of("Developer", "Manager"))));
        return body;
    }

    /** Schedules the webinar as the given user and returns its id. */
    public static String create(String user, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.accessToken(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/webinars").then().statusCode(201).extract().path("id");
    }
}
