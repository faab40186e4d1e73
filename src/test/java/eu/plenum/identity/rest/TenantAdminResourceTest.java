package eu.plenum.identity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's tenant register over HTTP, including its refusals. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class TenantAdminResourceTest {

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).contentType(ContentType.JSON);
    }

    private static int tenantCount() {
        return asAdmin().get("/api/admin/tenants").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    @Test
    void registersTenantAndReadsItBack() {
        asAdmin().body(Map.of("id", "initech", "name", "Initech Training", "homeRegionCode", "eu-vie"))
                .when().post("/api/admin/tenants")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/admin/tenants/initech"))
                .body("name", equalTo("Initech Training"));
        asAdmin().get("/api/admin/tenants/initech")
                .then().statusCode(200)
                .body("homeRegionCode", equalTo("eu-vie"));
    }

    @Test
    void invalidFieldsGet400WithFieldErrorsAndNothingIsStored() {
        int before = tenantCount();
        asAdmin().body(Map.of("id", "Not Valid!", "name", " ", "homeRegionCode", "mars"))
                .when().post("/api/admin/tenants")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:plenum:problem:invalid-input"))
                .body("errors", hasSize(3))
                .body("errors.field", containsInAnyOrder("id", "name", "homeRegionCode"));
        org.junit.jupiter.api.Assertions.assertEquals(before, tenantCount());
    }

    @Test
    void missingBodyIs400() {
        asAdmin().when().post("/api/admin/tenants")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void malformedJsonIs400() {
        asAdmin().body("{\"id\": ").when().post("/api/admin/tenants")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:plenum:problem:unreadable-body"));
    }

    @Test
    void duplicateIdIs409() {
        asAdmin().body(Map.of("id", "acme", "name", "Another ACME", "homeRegionCode", "eu-fra"))
                .when().post("/api/admin/tenants")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:plenum:problem:tenant-exists"));
    }

    @Test
    void duplicateNameIs409() {
        asAdmin().body(Map.of("id", "acme-two", "name", "acme academy", "homeRegionCode", "eu-fra"))
                .when().post("/api/admin/tenants")
                .then().statusCode(409)
                .body("type", equalTo("urn:plenum:problem:tenant-name-taken"));
    }

    @Test
    void unknownTenantIs404() {
        asAdmin().get("/api/admin/tenants/nobody-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:plenum:problem:not-found"));
    }

    @Test
    void wrongMediaTypeIs415() {
        asAdmin().contentType(ContentType.TEXT).body("id=x").when().post("/api/admin/tenants")
                .then().statusCode(415)
                .contentType("application/problem+json");
    }
}
