package eu.plenum.webhooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.WebhookReceiver;
import eu.plenum.testsupport.Webinars;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An export of personal data passes the transfer guard like every other transfer: the registrant
 * list of a webinar goes to the host's EU endpoint (the same formula-safe CSV as the download,
 * signed) and is logged ALLOWED; to an endpoint declared in a third country nothing is sent, the
 * host gets 451 and the log says REFUSED; another tenant's webinar or endpoint is a 404.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class RegistrantExportTest {

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

    private String endpoint(String user, String path, String region) {
        return as(user).body(Map.of("url", receiver.url(path), "regionCode", region, "description", "CRM import"))
                .when().post("/api/webhooks").then().statusCode(201).extract().path("id");
    }

    private static String webinarWithRegistrants() {
        Map<String, Object> body = Webinars.sample("Exported " + System.nanoTime());
        body.put("registrationMode", "OPEN");
        body.put("questions", List.of());
        String id = Webinars.create(Tokens.HOST, body);
        for (String name : List.of("Ada Export", "=HYPERLINK(\"http://evil.example\")")) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("name", name, "email", "export" + Math.abs(name.hashCode()) + "@example.org", "privacyAcknowledged", true))
                    .post("/api/public/webinars/" + id + "/registrations").then().statusCode(202);
        }
        return id;
    }

    /** The newest export entry of the transfer log (mails of the registrations are logged too). */
    private static Map<String, Object> latestTransfer() {
        List<Map<String, Object>> entries = as(Tokens.ADMIN).queryParam("tenant", "acme").queryParam("limit", 50)
                .when().get("/api/compliance/transfers").then().statusCode(200).extract().path("");
        return entries.stream().filter(entry -> "registrant-list".equals(entry.get("category"))).findFirst()
                .orElseThrow(() -> new AssertionError("no export in the transfer log: " + entries));
    }

    @Test
    void theListGoesToAnEuEndpointAsTheDownloadedCsvAndIsLogged() {
        String webinar = webinarWithRegistrants();
        String endpoint = endpoint(Tokens.HOST, "/eu-crm", "eu-fra");
        as(Tokens.HOST).body(Map.of("endpointId", endpoint)).when().post("/api/webinars/" + webinar + "/registrants/export")
                .then().statusCode(200)
                .body("registrants", equalTo(2)).body("regionCode", equalTo("eu-fra")).body("receiverStatus", equalTo(204));

        assertEquals(1, receiver.deliveries().size());
        WebhookReceiver.Delivery delivery = receiver.deliveries().get(0);
        String download = given().auth().oauth2(Tokens.accessToken(Tokens.HOST))
                .get("/api/webinars/" + webinar + "/registrants/registrants.csv").then().statusCode(200).extract().asString();
        assertEquals(download, delivery.body(), "the export is the host's own CSV");
        assertTrue(delivery.body().contains("Ada Export"), delivery.body());
        assertFalse(delivery.body().contains(",=HYPERLINK"), "formula-safe: " + delivery.body());
        assertEquals("registrants.exported", delivery.headers().get("Plenum-Event").get(0));
        assertTrue(delivery.headers().get("Content-type").get(0).startsWith("text/csv"));
        assertTrue(delivery.headers().get("Plenum-Signature").get(0).matches("t=\\d+,v1=[0-9a-f]{64}"));
        Map<String, Object> transfer = latestTransfer();
        assertEquals("ALLOWED", transfer.get("outcome"));
        assertEquals("eu-fra", transfer.get("toRegion"));
        assertTrue(String.valueOf(transfer.get("purpose")).contains(webinar), String.valueOf(transfer));
    }

    @Test
    void anExportToAThirdCountryIsRefusedWith451BeforeAnythingIsSent() {
        String webinar = webinarWithRegistrants();
        String endpoint = endpoint(Tokens.HOST, "/us-crm", "us-vin");
        as(Tokens.HOST).body(Map.of("endpointId", endpoint)).when().post("/api/webinars/" + webinar + "/registrants/export")
                .then().statusCode(451).contentType("application/problem+json")
                .body("type", equalTo("urn:plenum:problem:transfer-refused"))
                .body("detail", containsString("us-vin (Vint Hill, US)"));
        assertEquals(0, receiver.deliveries().size(), "the registrant list left for a third country");
        Map<String, Object> transfer = latestTransfer();
        assertEquals("REFUSED", transfer.get("outcome"));
        assertEquals("us-vin", transfer.get("toRegion"));
    }

    @Test
    void anotherTenantsWebinarOrEndpointIsNotFoundAndBadInputIsRefused() {
        String webinar = webinarWithRegistrants();
        String acmeEndpoint = endpoint(Tokens.HOST, "/eu-crm", "eu-fra");
        String globexEndpoint = endpoint(Tokens.HOST_OF_GLOBEX, "/globex-crm", "eu-fra");
        as(Tokens.HOST_OF_GLOBEX).body(Map.of("endpointId", globexEndpoint))
                .when().post("/api/webinars/" + webinar + "/registrants/export").then().statusCode(404);
        as(Tokens.HOST).body(Map.of("endpointId", globexEndpoint))
                .when().post("/api/webinars/" + webinar + "/registrants/export").then().statusCode(404);
        as(Tokens.HOST).body(Map.of()).when().post("/api/webinars/" + webinar + "/registrants/export")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(0, receiver.deliveries().size(), "nothing left for anyone");
        as(Tokens.HOST).body(Map.of("endpointId", acmeEndpoint))
                .when().post("/api/webinars/" + webinar + "/registrants/export").then().statusCode(200);
        assertEquals(1, receiver.deliveries().size());
    }

    @Test
    void aReceiverThatRefusesTheListIsA502() {
        String webinar = webinarWithRegistrants();
        String endpoint = endpoint(Tokens.HOST, "/fail/500", "eu-fra");
        as(Tokens.HOST).body(Map.of("endpointId", endpoint)).when().post("/api/webinars/" + webinar + "/registrants/export")
                .then().statusCode(502).contentType("application/problem+json")
                .body("detail", containsString("HTTP 500"));
    }
}
