package eu.plenum.webhooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.WebhookReceiver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Receivers through the API: deliveries reach the loopback receiver at the address that was
 * checked (test profile: private addresses allowed, http allowed), a name that does not resolve
 * is refused, and the data-location report says the receiver's region is the tenant's declaration.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class ReceiverChecksTest {

    @Test
    void aNameThatDoesNotResolveIsRefusedAtRegistration() {
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                .body(Map.of("url", "https://no-such-host.invalid/hook", "regionCode", "eu-fra"))
                .post("/api/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString("does not resolve"));
    }

    @Test
    void theReportSaysTheReceiversRegionIsDeclaredByTheTenant() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("/declared"), "regionCode", "eu-fra", "description", "CRM"))
                    .post("/api/webhooks").then().statusCode(201).extract().path("id");
            given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).post("/api/webhooks/" + id + "/ping")
                    .then().statusCode(200).body("delivered", equalTo(true));
            given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).get("/api/compliance/tenants/acme/data-location")
                    .then().statusCode(200)
                    .body("lines.find { it.place.startsWith('webhook " + id + "') }.regionDeclaredBy", equalTo("tenant"))
                    .body("lines.find { it.place.startsWith('webhook " + id + "') }.placeKind", containsString("declared by the tenant"))
                    .body("lines.find { it.place == 'database' }.regionDeclaredBy", equalTo("operator"));
            given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).delete("/api/webhooks/" + id).then().statusCode(204);
        }
    }
}
