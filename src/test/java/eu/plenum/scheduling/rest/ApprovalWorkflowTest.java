package eu.plenum.scheduling.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.Mailbox;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;

/** Approval by the host, denial, the registrant's cancellation handing the seat on, CSV and tenancy. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class ApprovalWorkflowTest {

    private static final Pattern CONFIRM = Pattern.compile("http://localhost:8081/r/confirm/([A-Za-z0-9_-]{43})");
    private static final Pattern JOIN = Pattern.compile("http://localhost:8081/join/([A-Za-z0-9_-]{43})");

    private static String webinar(String mode, int capacity) {
        Map<String, Object> body = Webinars.sample("Workflow " + mode + " " + System.nanoTime());
        body.put("registrationMode", mode);
        body.put("capacity", capacity);
        body.put("questions", List.of());
        return Webinars.create(Tokens.HOST, body);
    }

    /** Registers and confirms; returns the redirect after confirmation. */
    private static String registerAndConfirm(String webinarId, String name, String email) {
        given().contentType(ContentType.JSON).body(Map.of("name", name, "email", email, "privacyAcknowledged", true))
                .post("/api/public/webinars/" + webinarId + "/registrations").then().statusCode(202);
        String token = PlenumTestServers.mailbox().awaitOne(email, "Confirm your registration").find(CONFIRM);
        return given().redirects().follow(false).post("/r/confirm/" + token).then().extract().header("Location");
    }

    private static List<Map<String, Object>> registrants(String webinarId, String query) {
        return given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).queryParam("q", query)
                .get("/api/webinars/" + webinarId + "/registrants").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static String idOf(String webinarId, String email) {
        return registrants(webinarId, email).get(0).get("id").toString();
    }

    @Test
    void hostApprovesInBulkWhileSeatsLastAndDeniesTheRest() {
        String id = webinar("APPROVAL", 2);
        for (String who : List.of("ap1", "ap2", "ap3")) {
            registerAndConfirm(id, "Person " + who, who + "@example.org");
            Mailbox.Received pending = PlenumTestServers.mailbox().awaitOne(who + "@example.org", "Your registration");
            assertTrue(pending.text().contains("reviews registrations"), pending.text());
        }
        assertEquals("PENDING_APPROVAL", registrants(id, "ap1").get(0).get("status"));
        List<String> ids = List.of(idOf(id, "ap1"), idOf(id, "ap2"), idOf(id, "ap3"));
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                .body(Map.of("registrationIds", ids)).post("/api/webinars/" + id + "/registrants/approve")
                .then().statusCode(200)
                .body("changed", equalTo(List.of(true, true, false)))
                .body("status", equalTo(List.of("REGISTERED", "REGISTERED", "PENDING_APPROVAL")));
        String join = PlenumTestServers.mailbox().awaitOne("ap1@example.org", "You are registered").find(JOIN);
        given().get("/join/" + join).then().statusCode(200);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                .body(Map.of("registrationIds", List.of(ids.get(2)))).post("/api/webinars/" + id + "/registrants/deny")
                .then().statusCode(200).body("[0].status", equalTo("DENIED"));
        assertTrue(PlenumTestServers.mailbox().await(mail -> mail.to().equals("ap3@example.org")
                && mail.text().contains("could not accept"), 1).size() == 1);
    }

    @Test
    void registrantCancelsAndTheFirstOnTheWaitListGetsTheSeat() throws Exception {
        String id = webinar("OPEN", 1);
        String first = registerAndConfirm(id, "First", "first@example.org");
        assertTrue(first.contains("/join/"));
        registerAndConfirm(id, "Second", "second@example.org");
        assertEquals("WAITLISTED", registrants(id, "second").get(0).get("status"));
        String token = first.substring(first.lastIndexOf('/') + 1);
        given().post("/join/" + token + "/cancel").then().statusCode(200).body(containsString("data-status=\"CANCELLED\""));
        given().get("/join/" + token).then().statusCode(404);
        Mailbox.Received cancelled = PlenumTestServers.mailbox().awaitOne("first@example.org", "Registration cancelled");
        assertEquals("CANCEL", new CalendarBuilder().build(new StringReader(cancelled.calendar().orElseThrow()))
                .getProperty(Property.METHOD).orElseThrow().getValue());
        String promoted = PlenumTestServers.mailbox().awaitOne("second@example.org", "You are registered").find(JOIN);
        given().get("/join/" + promoted).then().statusCode(200);
        assertEquals("REGISTERED", registrants(id, "second").get(0).get("status"));
    }

    @Test
    void changesAndCancellationReachRegistrantsWithUpdatedInvitations() throws Exception {
        String id = webinar("OPEN", 5);
        registerAndConfirm(id, "Carla", "carla@example.org");
        PlenumTestServers.mailbox().awaitOne("carla@example.org", "You are registered");
        String session = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/webinars/" + id)
                .then().extract().path("sessions[1].id");
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                .body(Map.of("start", Webinars.NEXT_YEAR + "-10-28T18:30")).put("/api/webinars/" + id + "/sessions/" + session)
                .then().statusCode(200);
        Mailbox.Received changed = PlenumTestServers.mailbox().awaitOne("carla@example.org", "Changed: ");
        assertTrue(changed.text().contains("18:30"), changed.text());
        var update = new CalendarBuilder().build(new StringReader(changed.calendar().orElseThrow()));
        assertEquals("REQUEST", update.getProperty(Property.METHOD).orElseThrow().getValue());
        assertEquals("1", update.getComponents("VEVENT").get(0).getProperty(Property.SEQUENCE).orElseThrow().getValue());

        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).post("/api/webinars/" + id + "/cancel").then().statusCode(200);
        Mailbox.Received cancelled = PlenumTestServers.mailbox().awaitOne("carla@example.org", "Cancelled: ");
        var cancel = new CalendarBuilder().build(new StringReader(cancelled.calendar().orElseThrow()));
        assertEquals("CANCEL", cancel.getProperty(Property.METHOD).orElseThrow().getValue());
        assertEquals("2", cancel.getComponents("VEVENT").get(0).getProperty(Property.SEQUENCE).orElseThrow().getValue());
    }

    @Test
    void revokedJoinLinkStopsWorking() {
        String id = webinar("OPEN", 5);
        String location = registerAndConfirm(id, "Rita", "rita@example.org");
        String token = location.substring(location.lastIndexOf('/') + 1);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST))
                .post("/api/webinars/" + id + "/registrants/" + idOf(id, "rita") + "/revoke-join-link").then().statusCode(204);
        given().get("/join/" + token).then().statusCode(404);
    }

    @Test
    void csvExportIsFormulaSafeAndSearchFinds() {
        String id = webinar("OPEN", 5);
        registerAndConfirm(id, "=HYPERLINK(\"http://evil\")", "formula@example.org");
        String csv = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/webinars/" + id + "/registrants/registrants.csv")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), csv);
        assertEquals(1, registrants(id, "FORMULA@").size());
        assertEquals(0, registrants(id, "nobody").size());
    }

    @Test
    void anotherTenantCannotSeeOrDecide() {
        String id = webinar("APPROVAL", 5);
        registerAndConfirm(id, "Private", "private@example.org");
        String registration = idOf(id, "private");
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX)).get("/api/webinars/" + id + "/registrants")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX)).contentType(ContentType.JSON)
                .body(Map.of("registrationIds", List.of(registration))).post("/api/webinars/" + id + "/registrants/approve")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX)).get("/api/webinars/" + id + "/registrants/registrants.csv")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX)).contentType(ContentType.JSON)
                .body(Map.of("registrationIds", List.of(registration))).post("/api/webinars/" + id + "/registrants/deny")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX))
                .post("/api/webinars/" + id + "/registrants/" + registration + "/revoke-join-link").then().statusCode(404);
        String session = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/webinars/" + id)
                .then().extract().path("sessions[0].id");
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX))
                .get("/api/webinars/" + id + "/sessions/" + session + "/calendar.ics").then().statusCode(404);
        assertEquals("PENDING_APPROVAL", registrants(id, "private").get(0).get("status"));
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                .body(Map.of("registrationIds", List.of())).post("/api/webinars/" + id + "/registrants/approve")
                .then().statusCode(400).body("errors", hasSize(1));
    }
}
