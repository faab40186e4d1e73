package eu.plenum.webhooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.WebhookReceiver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.agroal.api.AgroalDataSource;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Webhook deliveries pass the transfer guard: a receiver declared in the EU gets the event and
 * the transfer log says ALLOWED; one declared in a third country gets nothing, the host gets 451
 * and the log says REFUSED.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the allowance test first, then the one that needs it gone
class WebhookResidencyTest {

    private static final String ADEQUATE_REGION = "uk-lon";

    @Inject
    AgroalDataSource dataSource;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws SQLException {
        receiver = WebhookReceiver.start();
        withdrawAllowance(); // a failed earlier run must not leave acme allowed
    }

    @AfterEach
    void stopReceiver() throws SQLException {
        receiver.close();
        withdrawAllowance();
    }

    /**
     * Takes back acme's allowance for the adequate region: the database is shared by every test of
     * the run, and a lasting allowance would change what later tests see. There is no API to
     * withdraw one (yet), so the row goes.
     */
    private void withdrawAllowance() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM tenant_region_allowance WHERE tenant_id = 'acme' AND region_code = ?")) {
            delete.setString(1, ADEQUATE_REGION);
            delete.executeUpdate();
        }
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.accessToken(user)).contentType(ContentType.JSON);
    }

    private String register(String path, String region) {
        return as(Tokens.HOST).body(Map.of("url", receiver.url(path), "regionCode", region, "description", "CRM"))
                .when().post("/api/webhooks")
                .then().statusCode(201)
                .body("signingKey", notNullValue())
                .extract().path("id");
    }

    private String latestTransfer(String field) {
        return as(Tokens.ADMIN).queryParam("tenant", "acme").queryParam("limit", 1)
                .when().get("/api/compliance/transfers")
                .then().statusCode(200).extract().path("[0]." + field);
    }

    @Test
    void deliveryToAnEuReceiverPassesAndIsLogged() {
        String id = register("/eu-crm", "eu-fra");
        as(Tokens.HOST).when().post("/api/webhooks/" + id + "/ping")
                .then().statusCode(200)
                .body("delivered", equalTo(true))
                .body("status", equalTo(204));
        assertEquals(1, receiver.deliveries().size());
        WebhookReceiver.Delivery delivery = receiver.deliveries().get(0);
        assertTrue(delivery.body().contains("\"type\":\"ping\""), delivery.body());
        assertTrue(delivery.headers().get("Plenum-Signature").get(0).matches("t=\\d+,v1=[0-9a-f]{64}"));
        assertEquals("ALLOWED", latestTransfer("outcome"));
        assertEquals("eu-fra", latestTransfer("toRegion"));
        assertEquals("webhook-event", latestTransfer("category"));
    }

    @Test
    void deliveryToAThirdCountryReceiverIsRefusedWith451AndLogged() {
        String id = register("/us-crm", "us-vin");
        as(Tokens.HOST).when().post("/api/webhooks/" + id + "/ping")
                .then().statusCode(451)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:plenum:problem:transfer-refused"))
                .body("detail", containsString("us-vin (Vint Hill, US)"));
        assertEquals(0, receiver.deliveries().size(), "personal data left for a third country");
        assertEquals("REFUSED", latestTransfer("outcome"));
        assertEquals("us-vin", latestTransfer("toRegion"));
    }

    @Test
    @Order(1)
    void adequateReceiverNeedsTheTenantsAllowance() {
        String id = register("/uk-crm", ADEQUATE_REGION);
        as(Tokens.HOST).when().post("/api/webhooks/" + id + "/ping").then().statusCode(451);
        as(Tokens.ADMIN).body(Map.of("legalBasis", "Art. 45 GDPR, Commission Implementing Decision (EU) 2021/1772"))
                .when().put("/api/admin/tenants/acme/region-allowances/" + ADEQUATE_REGION)
                .then().statusCode(200).body("regionCode", equalTo(ADEQUATE_REGION));
        as(Tokens.HOST).when().post("/api/webhooks/" + id + "/ping").then().statusCode(200).body("delivered", equalTo(true));
        assertEquals(1, receiver.deliveries().size());
        assertEquals("Art. 45 GDPR, Commission Implementing Decision (EU) 2021/1772", latestTransfer("legalBasis"));
    }

    /** Runs after the allowance test in any order: the allowance was withdrawn, so a receiver there is refused again. */
    @Test
    @Order(2)
    void withoutTheAllowanceAnAdequateReceiverIsRefused() {
        String id = register("/uk-crm-again", ADEQUATE_REGION);
        as(Tokens.HOST).when().post("/api/webhooks/" + id + "/ping").then().statusCode(451);
        as(Tokens.ADMIN).when().get("/api/admin/tenants/acme/region-allowances")
                .then().statusCode(200).body("regionCode", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(ADEQUATE_REGION)));
        assertEquals(0, receiver.deliveries().size());
    }

    @Test
    void anotherTenantCannotSeeOrUseTheEndpoint() {
        String id = register("/eu-crm", "eu-fra");
        as(Tokens.HOST_OF_GLOBEX).when().post("/api/webhooks/" + id + "/ping").then().statusCode(404);
        as(Tokens.HOST_OF_GLOBEX).when().delete("/api/webhooks/" + id).then().statusCode(404);
        as(Tokens.HOST_OF_GLOBEX).when().get("/api/webhooks")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        assertEquals(0, receiver.deliveries().size());
    }

    @Test
    void badRegistrationsAreRefusedWithFieldErrors() {
        as(Tokens.HOST).body(Map.of("url", receiver.url("/x"), "regionCode", "eu-nowhere"))
                .when().post("/api/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("regionCode"));
        as(Tokens.HOST).body(Map.of("url", "ftp://example.org/x", "regionCode", "eu-fra"))
                .when().post("/api/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("url"));
        as(Tokens.ADMIN).body(Map.of("url", receiver.url("/x"), "regionCode", "eu-fra"))
                .when().post("/api/webhooks")
                .then().statusCode(403);
    }
}
