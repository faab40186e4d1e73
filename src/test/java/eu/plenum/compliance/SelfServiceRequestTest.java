package eu.plenum.compliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.PersonSeed;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A data subject's own request through the real page, outbox, SMTP server (GreenMail) and queue: the
 * same answer for a known and an unknown address, a mailed link whose GET changes nothing, a POST
 * that puts one request in the queue of the tenant the address registered with — and in no other.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class SelfServiceRequestTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8081/privacy/requests/confirm/([A-Za-z0-9_-]{43})");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void requestMailConfirmReachesOnlyTheQueueOfTheTenantRegisteredWith() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String eva = "eva." + run + "@self.example";
        String nobody = "nobody." + run + "@self.example";
        String webinar = Attendees.recordedWebinar("Self-service " + run);
        Attendees.joinToken(webinar, "Eva Selbst", eva);

        Response known = ask(eva, "ACCESS");
        Response unknown = ask(nobody, "ACCESS");
        assertEquals(303, known.statusCode());
        assertEquals(known.statusCode(), unknown.statusCode(), "known and unknown addresses are answered alike");
        assertEquals(known.header("Location"), unknown.header("Location"));
        assertEquals(given().get(known.header("Location")).asString(), given().get(unknown.header("Location")).asString());

        String token = PlenumTestServers.mailbox().awaitOne(eva, "Confirm your privacy request").find(LINK);
        String body = (String) query("SELECT body_text FROM mail_outbox WHERE recipient = ? AND dedupe_key LIKE 'privacy-ask:%'", eva);
        assertTrue(body.contains("[[plenum-link:privacy:"), body);
        assertFalse(body.contains(token), "the outbox holds the working link");

        given().get("/privacy/requests/confirm/" + token).then().statusCode(200)
                .body(containsString("method=\"post\"")).body(containsString("/privacy/requests/confirm/" + token));
        assertEquals(0L, PersonSeed.count(dataSource, "SELECT count(*) FROM compliance_subject_request WHERE email = ?", eva),
                "opening the link made a request");

        given().header("Sec-Fetch-Site", "same-origin").post("/privacy/requests/confirm/" + token).then().statusCode(200)
                .body(containsString("data-testid=\"privacy-confirmed\""));
        given().header("Sec-Fetch-Site", "same-origin").post("/privacy/requests/confirm/" + token).then().statusCode(200);
        assertEquals(1L, PersonSeed.count(dataSource, "SELECT count(*) FROM compliance_subject_request WHERE email = ?", eva));
        assertEquals(0L, PersonSeed.count(dataSource, "SELECT count(*) FROM compliance_privacy_ask WHERE email = ?", eva),
                "the ask keeps the address after confirmation");

        List<Map<String, Object>> acme = given().auth().oauth2(Tokens.accessToken("dpo-acme")).get("/api/compliance/requests")
                .then().statusCode(200).extract().path("findAll { it.email == '" + eva + "' }");
        assertEquals(1, acme.size(), acme.toString());
        Map<String, Object> request = acme.get(0);
        assertEquals("acme", request.get("tenantId"));
        assertEquals("ACCESS", request.get("kind"));
        assertEquals("SELF_SERVICE", request.get("source"));
        assertEquals("OPEN", request.get("state"));
        Instant created = Instant.parse((String) request.get("createdAt"));
        assertEquals(created.atZone(ZoneOffset.UTC).plusMonths(1).toInstant(), Instant.parse((String) request.get("deadline")),
                "one month to answer");
        given().auth().oauth2(Tokens.accessToken("dpo-globex")).get("/api/compliance/requests").then().statusCode(200)
                .body(not(containsString(eva)));

        String nobodyToken = PlenumTestServers.mailbox().awaitOne(nobody, "Confirm your privacy request").find(LINK);
        given().header("Sec-Fetch-Site", "same-origin").post("/privacy/requests/confirm/" + nobodyToken).then().statusCode(200)
                .body(containsString("data-testid=\"privacy-confirmed\""));
        assertEquals(0L, PersonSeed.count(dataSource, "SELECT count(*) FROM compliance_subject_request WHERE email = ?", nobody));
        given().get("/privacy/requests/confirm/" + token.substring(0, 42) + (token.endsWith("A") ? "B" : "A")).then().statusCode(404);
    }

    @Test
    void badInputIsRefusedAndAnAddressIsLimitedPerDay() {
        String run = Long.toString(System.nanoTime(), 36);
        given().get("/privacy/requests").then().statusCode(200).body(containsString("name=\"email\""));
        Response page = given().header("Sec-Fetch-Site", "same-origin").accept("text/html").formParam("email", "not-an-address")
                .formParam("kind", "ACCESS").post("/privacy/requests");
        assertEquals(400, page.statusCode());
        assertTrue(page.asString().contains("data-field=\"email\""), "the form again, with the error");
        given().header("Sec-Fetch-Site", "same-origin").accept("application/json").formParam("email", "ok." + run + "@self.example")
                .formParam("kind", "SOMETHING").post("/privacy/requests")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Sec-Fetch-Site", "same-origin").accept("application/json").contentType("application/x-www-form-urlencoded")
                .body("email=" + "x".repeat(5000) + "&kind=ACCESS").post("/privacy/requests")
                .then().statusCode(413).contentType("application/problem+json");
        String address = "limit." + run + "@self.example";
        for (int i = 0; i < 3; i++) {
            assertEquals(303, ask(address, "ERASURE").statusCode());
        }
        given().header("Sec-Fetch-Site", "same-origin").accept("application/json").redirects().follow(false)
                .formParam("email", address).formParam("kind", "ERASURE").post("/privacy/requests")
                .then().statusCode(429).contentType("application/problem+json");
    }

    private static Response ask(String email, String kind) {
        return given().header("Sec-Fetch-Site", "same-origin").redirects().follow(false)
                .formParam("email", email).formParam("kind", kind).post("/privacy/requests");
    }

    private Object query(String sql, String parameter) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (var result = statement.executeQuery()) {
                assertTrue(result.next(), sql);
                return result.getObject(1);
            }
        }
    }
}
