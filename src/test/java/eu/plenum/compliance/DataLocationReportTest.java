package eu.plenum.compliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The per-tenant data-location report: JSON download and console page, admins and compliance only. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class DataLocationReportTest {

    @Test
    void reportListsCategoryPlaceRegionCountryAndJurisdiction() {
        given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN))
                .when().get("/api/compliance/tenants/acme/data-location")
                .then().statusCode(200)
                .header("Content-Disposition", containsString("data-location-acme.json"))
                .body("homeRegion.code", equalTo("eu-fra"))
                .body("homeRegion.country", equalTo("DE"))
                .body("lines.place", hasItems("database", "identity", "mail-relay", "recordings"))
                .body("lines.find { it.place == 'database' }.region.jurisdiction", equalTo("EU"))
                .body("lines.find { it.place == 'recordings' }.region.city", equalTo("Frankfurt am Main"));
    }

    @Test
    void webinarReportListsItsRegistrationsMailsAndRecordingsPlaces() {
        java.util.Map<String, Object> body = eu.plenum.testsupport.Webinars.sample("Reported");
        body.put("registrationMode", "OPEN");
        body.put("questions", java.util.List.of());
        String id = eu.plenum.testsupport.Webinars.create(Tokens.HOST, body);
        given().contentType("application/json").body(java.util.Map.of("name", "Rex", "email", "rex@example.org", "privacyAcknowledged", true))
                .post("/api/public/webinars/" + id + "/registrations").then().statusCode(202);
        given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN))
                .when().get("/api/compliance/webinars/" + id + "/data-location")
                .then().statusCode(200)
                .body("title", equalTo("Reported"))
                .body("registrations", equalTo(1))
                .body("sessions.size()", equalTo(3))
                .body("places.homeRegion.code", equalTo("eu-fra"))
                .body("places.lines.find { it.place == 'database' }.category", containsString("Registrations of \"Reported\""))
                .body("places.lines.find { it.place == 'mail-relay' }.region.country", equalTo("DE"))
                .body("places.lines.find { it.place == 'recordings' }.region.jurisdiction", equalTo("EU"));
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST))
                .when().get("/api/compliance/webinars/" + id + "/data-location").then().statusCode(403);
    }

    @Test
    void hostsMayNotReadReports() {
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST))
                .when().get("/api/compliance/tenants/acme/data-location")
                .then().statusCode(403);
        given().when().get("/api/compliance/transfers").then().statusCode(401);
    }

    @Test
    void unknownTenantIs404() {
        given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN))
                .when().get("/api/compliance/tenants/nobody/data-location")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void regionCatalogueIsServedToSignedInUsers() {
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).when().get("/api/regions")
                .then().statusCode(200)
                .body("find { it.code == 'uk-lon' }.jurisdiction", equalTo("ADEQUATE"))
                .body("find { it.code == 'us-vin' }.jurisdiction", equalTo("THIRD_COUNTRY"));
    }
}
