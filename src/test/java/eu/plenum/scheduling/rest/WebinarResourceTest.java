package eu.plenum.scheduling.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scheduling through the API: times, recurrences, edits, cancellations, refusals and tenancy. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class WebinarResourceTest {

    private static final String NEXT_YEAR = Webinars.NEXT_YEAR;

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.accessToken(user)).contentType(ContentType.JSON);
    }

    static Map<String, Object> webinar(String title) {
        return Webinars.sample(title);
    }

    static String create(String user, Map<String, Object> body) {
        return Webinars.create(user, body);
    }

    @Test
    void weeklyWebinarAcrossDaylightSavingKeepsItsLocalTime() {
        String id = create(Tokens.HOST, webinar("Sovereign webinars"));
        as(Tokens.HOST).get("/api/webinars/" + id).then().statusCode(200)
                .body("sessions", hasSize(3))
                .body("sessions[0].startsAt", equalTo(NEXT_YEAR + "-10-20T08:00:00Z"))
                .body("sessions[0].startLocal", equalTo(NEXT_YEAR + "-10-20T10:00:00"))
                .body("speakers", equalTo(List.of("Ada Lovelace", "Grace Hopper")))
                .body("questions[1].choices", equalTo(List.of("Developer", "Manager")))
                .body("sequence", equalTo(0));
        // The last Sunday of October ends summer time in Berlin: the UTC instant moves, the local time does not.
        as(Tokens.HOST).get("/api/webinars/" + id).then()
                .body("sessions.startLocal", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.endsWith("T10:00:00")));
    }

    @Test
    void editingMovesSessionsExceptThoseMovedOnTheirOwn() {
        String id = create(Tokens.HOST, webinar("Editable"));
        String second = as(Tokens.HOST).get("/api/webinars/" + id).then().extract().path("sessions[1].id");
        as(Tokens.HOST).body(Map.of("start", NEXT_YEAR + "-10-28T16:00"))
                .when().put("/api/webinars/" + id + "/sessions/" + second)
                .then().statusCode(200).body("sessions[1].moved", equalTo(true)).body("sequence", equalTo(1));
        Map<String, Object> edited = webinar("Edited");
        edited.put("start", NEXT_YEAR + "-10-20T14:00");
        as(Tokens.HOST).body(edited).when().put("/api/webinars/" + id)
                .then().statusCode(200)
                .body("title", equalTo("Edited"))
                .body("sequence", equalTo(2))
                .body("sessions[0].startLocal", equalTo(NEXT_YEAR + "-10-20T14:00:00"))
                .body("sessions[1].startLocal", equalTo(NEXT_YEAR + "-10-28T16:00:00"))
                .body("sessions[2].startLocal", equalTo(NEXT_YEAR + "-11-03T14:00:00"));
    }

    @Test
    void cancellingASessionAndTheWebinar() {
        String id = create(Tokens.HOST, webinar("Cancellable"));
        String first = as(Tokens.HOST).get("/api/webinars/" + id).then().extract().path("sessions[0].id");
        as(Tokens.HOST).post("/api/webinars/" + id + "/sessions/" + first + "/cancel")
                .then().statusCode(200).body("sessions[0].status", equalTo("CANCELLED")).body("sessions[1].status", equalTo("SCHEDULED"));
        as(Tokens.HOST).post("/api/webinars/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("sessions.status", everyCancelled());
        as(Tokens.HOST).body(webinar("Too late")).when().put("/api/webinars/" + id)
                .then().statusCode(409).body("type", equalTo("urn:plenum:problem:webinar-cancelled"));
        as(Tokens.HOST).get("/api/webinars").then().body("id", not(hasItem(id)));
        as(Tokens.HOST).queryParam("when", "past").get("/api/webinars").then().body("id", hasItem(id));
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyCancelled() {
        return org.hamcrest.Matchers.everyItem(equalTo("CANCELLED"));
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndNothingIsStored() {
        int before = as(Tokens.HOST).get("/api/webinars").then().extract().jsonPath().getList("$").size();
        Map<String, Object> bad = webinar("x".repeat(201));
        bad.put("timeZone", "Mars/Olympus_Mons");
        bad.put("capacity", 0);
        bad.put("language", "klingon");
        as(Tokens.HOST).body(bad).when().post("/api/webinars")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("title", "capacity"));
        Map<String, Object> meaning = webinar("Meaningless");
        meaning.put("timeZone", "Mars/Olympus_Mons");
        meaning.put("language", "klingon");
        meaning.put("start", "2001-01-01T10:00");
        meaning.put("recurrenceCount", null);
        meaning.put("questions", List.of(Map.of("kind", "SINGLE_CHOICE", "label", "Pick", "required", true, "choices", List.of("only"))));
        as(Tokens.HOST).body(meaning).when().post("/api/webinars")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("timeZone", "language", "recurrenceCount", "questions[0].choices"));
        Map<String, Object> past = webinar("Past");
        past.put("start", "2001-01-01T10:00");
        past.put("recurrence", "NONE");
        as(Tokens.HOST).body(past).when().post("/api/webinars")
                .then().statusCode(400).body("errors[0].field", equalTo("start")).body("errors[0].message", equalTo("must be in the future"));
        // Control characters (PostgreSQL cannot store NUL) and holes in lists are refused, never a 500.
        Map<String, Object> control = webinar("Nul\u0000title");
        control.put("description", "bell \u0007");
        control.put("questions", java.util.Arrays.asList((Object) null));
        as(Tokens.HOST).body(control).when().post("/api/webinars")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("description"))
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("questions[0]")));
        as(Tokens.HOST).get("/api/webinars").then().body("$", hasSize(before));
    }

    @Test
    void anotherTenantIsRefusedOnEveryEndpoint() {
        String id = create(Tokens.HOST, webinar("ACME only"));
        String session = as(Tokens.HOST).get("/api/webinars/" + id).then().extract().path("sessions[0].id");
        RequestSpecification globex = as(Tokens.HOST_OF_GLOBEX);
        List<ValidatableResponse> attempts = List.of(
                as(Tokens.HOST_OF_GLOBEX).get("/api/webinars/" + id).then(),
                as(Tokens.HOST_OF_GLOBEX).body(webinar("Hijacked")).put("/api/webinars/" + id).then(),
                as(Tokens.HOST_OF_GLOBEX).post("/api/webinars/" + id + "/cancel").then(),
                as(Tokens.HOST_OF_GLOBEX).body(Map.of("start", NEXT_YEAR + "-12-01T10:00"))
                        .put("/api/webinars/" + id + "/sessions/" + session).then(),
                as(Tokens.HOST_OF_GLOBEX).post("/api/webinars/" + id + "/sessions/" + session + "/cancel").then());
        attempts.forEach(attempt -> attempt.statusCode(404).contentType("application/problem+json"));
        globex.get("/api/webinars").then().body("id", not(hasItem(id)));
        as(Tokens.HOST).get("/api/webinars/" + id).then().body("title", equalTo("ACME only")).body("status", equalTo("SCHEDULED"));
    }

    @Test
    void onlyHostsWithATenantSchedule() {
        as(Tokens.ADMIN).body(webinar("Admin")).when().post("/api/webinars").then().statusCode(403);
        as(Tokens.HOST_WITHOUT_TENANT).body(webinar("Drifter")).when().post("/api/webinars")
                .then().statusCode(403).body("type", equalTo("urn:plenum:problem:no-tenant"));
        given().contentType(ContentType.JSON).body(webinar("Anonymous")).when().post("/api/webinars").then().statusCode(401);
    }
}
