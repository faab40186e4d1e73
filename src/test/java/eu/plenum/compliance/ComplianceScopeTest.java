package eu.plenum.compliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who may see and act on data-subject requests and data-location reports, with real Keycloak tokens:
 * a tenant's officer only their tenant (another tenant's request is 404, its report 403), the
 * platform's officer every tenant, a host nothing.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class ComplianceScopeTest {

    @Test
    void aTenantsOfficerSeesOnlyTheirTenantAndAHostNothing() {
        String run = Long.toString(System.nanoTime(), 36);
        String acme = Tokens.accessToken("dpo-acme");
        String globex = Tokens.accessToken("dpo-globex");
        String platform = Tokens.accessToken("privacy-officer");
        String host = Tokens.accessToken(Tokens.HOST);

        String id = given().auth().oauth2(acme).contentType(ContentType.JSON)
                .body(Map.of("tenantId", "acme", "email", "scope." + run + "@ex.example", "kind", "ERASURE"))
                .post("/api/compliance/requests").then().statusCode(201).extract().path("id");
        given().auth().oauth2(acme).contentType(ContentType.JSON)
                .body(Map.of("tenantId", "globex", "email", "scope." + run + "@ex.example", "kind", "ACCESS"))
                .post("/api/compliance/requests").then().statusCode(403).contentType("application/problem+json");

        List<String> acmeSees = given().auth().oauth2(acme).get("/api/compliance/requests").then().statusCode(200)
                .body("tenantId", everyItem(equalTo("acme"))).extract().path("id");
        assertTrue(acmeSees.contains(id));
        List<String> globexSees = given().auth().oauth2(globex).get("/api/compliance/requests").then().statusCode(200)
                .body("tenantId", everyItem(equalTo("globex"))).extract().path("id");
        assertFalse(globexSees.contains(id), "dpo-globex sees acme's request");
        assertTrue(given().auth().oauth2(platform).get("/api/compliance/requests").then().statusCode(200)
                .extract().<List<String>>path("id").contains(id), "the platform's officer sees every tenant");

        given().auth().oauth2(globex).queryParam("tenant", "acme").get("/api/compliance/requests")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(globex).get("/api/compliance/requests/" + id).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(globex).post("/api/compliance/requests/" + id + "/export").then().statusCode(404);
        given().auth().oauth2(globex).get("/api/compliance/exports/" + id).then().statusCode(404);
        given().auth().oauth2(globex).get("/api/compliance/exports/" + id + "/download").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(acme).get("/api/compliance/requests/" + id).then().statusCode(200).body("email", equalTo("scope." + run + "@ex.example"));
        given().auth().oauth2(acme).post("/api/compliance/requests/" + id + "/export").then().statusCode(409)
                .contentType("application/problem+json");

        for (String path : List.of("/api/compliance/requests", "/api/compliance/requests/" + id, "/api/compliance/exports/" + id,
                "/api/compliance/exports/" + id + "/download")) {
            given().auth().oauth2(host).get(path).then().statusCode(403);
        }
        given().auth().oauth2(host).contentType(ContentType.JSON)
                .body(Map.of("tenantId", "acme", "email", "scope." + run + "@ex.example", "kind", "ACCESS"))
                .post("/api/compliance/requests").then().statusCode(403);
        given().auth().oauth2(host).post("/api/compliance/requests/" + id + "/export").then().statusCode(403);
        given().get("/api/compliance/requests").then().statusCode(401);

        given().auth().oauth2(globex).get("/api/compliance/tenants/acme/data-location").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(globex).get("/api/compliance/tenants/globex/data-location").then().statusCode(200)
                .body("tenantId", equalTo("globex"));
        given().auth().oauth2(platform).get("/api/compliance/tenants/acme/data-location").then().statusCode(200);
        given().auth().oauth2(globex).queryParam("tenant", "acme").get("/api/compliance/transfers").then().statusCode(403);
        given().auth().oauth2(acme).get("/api/compliance/transfers").then().statusCode(200)
                .body("tenantId", everyItem(equalTo("acme")));
        String webinar = eu.plenum.testsupport.Attendees.recordedWebinar("Scope " + run);
        given().auth().oauth2(globex).get("/api/compliance/webinars/" + webinar + "/data-location").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(acme).get("/api/compliance/webinars/" + webinar + "/data-location").then().statusCode(200);
    }
}
