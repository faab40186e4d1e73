package eu.plenum.identity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tenant's home region: chosen from the allowed set, changed only by the logged migration procedure. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class TenantHomeRegionTest {

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).contentType(ContentType.JSON);
    }

    private static Map<String, String> tenant(String id, String region, String basis) {
        Map<String, String> body = new HashMap<>(Map.of("id", id, "name", "Tenant " + id, "homeRegionCode", region));
        if (basis != null) {
            body.put("adequacyLegalBasis", basis);
        }
        return body;
    }

    @Test
    void thirdCountryHomeIsRefused() {
        asAdmin().body(tenant("yankee", "us-vin", "consent")).when().post("/api/admin/tenants")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("homeRegionCode"))
                .body("errors[0].message", containsString("third country"));
        asAdmin().get("/api/admin/tenants/yankee").then().statusCode(404);
    }

    @Test
    void unknownHomeRegionIsRefused() {
        asAdmin().body(tenant("atlantis", "eu-atl", null)).when().post("/api/admin/tenants")
                .then().statusCode(400).body("errors[0].message", containsString("unknown region code 'eu-atl'"));
    }

    @Test
    void adequateHomeNeedsALegalBasisWhichIsRecorded() {
        asAdmin().body(tenant("albion", "uk-lon", null)).when().post("/api/admin/tenants")
                .then().statusCode(400).body("errors[0].message", containsString("explicit allowance"));
        asAdmin().body(tenant("albion", "uk-lon", "Art. 45 GDPR, Decision (EU) 2021/1772")).when().post("/api/admin/tenants")
                .then().statusCode(201);
        asAdmin().get("/api/admin/tenants/albion/region-allowances")
                .then().statusCode(200)
                .body("regionCode", hasItem("uk-lon"))
                .body("[0].legalBasis", equalTo("Art. 45 GDPR, Decision (EU) 2021/1772"))
                .body("[0].grantedBy", equalTo("admin"));
    }

    @Test
    void migrationMovesTheHomeAndLeavesATrail() {
        asAdmin().body(tenant("wanderer", "eu-fra", null)).when().post("/api/admin/tenants").then().statusCode(201);
        asAdmin().body(Map.of("targetRegionCode", "eu-vie", "reason", "customer moved its operations to Austria"))
                .when().post("/api/admin/tenants/wanderer/home-region-migrations")
                .then().statusCode(200).body("homeRegionCode", equalTo("eu-vie"));
        asAdmin().queryParam("tenant", "wanderer").when().get("/api/compliance/transfers")
                .then().statusCode(200)
                .body("[0].category", equalTo("tenant-data"))
                .body("[0].toRegion", equalTo("eu-vie"))
                .body("[0].outcome", equalTo("ALLOWED"))
                .body("[0].purpose", containsString("customer moved its operations to Austria"));
    }

    @Test
    void migrationToAThirdCountryIsRefusedAndNothingChanges() {
        asAdmin().body(tenant("stayer", "eu-gra", null)).when().post("/api/admin/tenants").then().statusCode(201);
        asAdmin().body(Map.of("targetRegionCode", "us-vin", "reason", "cheaper"))
                .when().post("/api/admin/tenants/stayer/home-region-migrations")
                .then().statusCode(400).body("errors[0].field", equalTo("targetRegionCode"));
        asAdmin().get("/api/admin/tenants/stayer").then().body("homeRegionCode", equalTo("eu-gra"));
    }

    @Test
    void hostsCannotMigrateTenants() {
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                .body(Map.of("targetRegionCode", "eu-vie", "reason", "x"))
                .when().post("/api/admin/tenants/acme/home-region-migrations")
                .then().statusCode(403);
    }
}
