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
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook deliveries pass the transfer guard: a receiver declared in the EU gets the event and
 * the transfer log says ALLOWED; one declared in a third country gets nothing, the host gets 451
 * and the log says REFUSED.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class WebhookResidencyTest {

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
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
        assertTrue(delivery.headers().get("X-plenum-signature").get(0).startsWith("sha256="));
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
    void adequateReceiverNeedsTheTenantsAllowance() {
        String id = register("/uk-crm", "uk-lon");
        as(Tokens.HOST).when().post("/api/webhooks/" + id + "/ping").then().statusCode(451);
        as(Tokens.ADMIN).body(Map.of("legalBasis", "Art. 45 GDPR, Commission Implementing Decision (EU) 2021/1772"))
                .when().put("/api/admin/tenants/acme/region-allowances/uk-lon")
                .then().statusCode(200).body("regionCode", equalTo("uk-lon"));
        as(Tokens.HOST).when().post("/api/webhooks/" + id + "/ping").then().statusCode(200).body("delivered", equalTo(true));
        assertEquals(1, receiver.deliveries().size());
        assertEquals("Art. 45 GDPR, Commission Implementing Decision (EU) 2021/1772", latestTransfer("legalBasis"));
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
