package eu.plenum.identity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Who may call the API, checked with real tokens from the suite's Keycloak. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class AccessControlTest {

    @Test
    void anonymousCallersGetProblem401() {
        given().when().get("/api/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:plenum:problem:unauthenticated"))
                .body("status", equalTo(401));
        given().when().get("/api/admin/tenants").then().statusCode(401);
    }

    @Test
    void hostIsRefusedOnAdminEndpoints() {
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST))
                .when().get("/api/admin/tenants")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:plenum:problem:forbidden"));
    }

    @Test
    void adminReachesAdminEndpoints() {
        given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN))
                .when().get("/api/admin/tenants")
                .then().statusCode(200)
                .body("id", hasItem("acme"));
    }

    @Test
    void replicationStateIsForAdminsOnly() {
        given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).when().get("/api/admin/replication")
                .then().statusCode(200).body("role", equalTo("primary")).body("standbys", org.hamcrest.Matchers.hasSize(0));
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).when().get("/api/admin/replication").then().statusCode(403);
    }

    @Test
    void hostSeesOwnTenant() {
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("roles", hasItem("host"))
                .body("tenant.id", equalTo("acme"))
                .body("tenant.homeRegionCode", equalTo("eu-fra"));
    }

    @Test
    void adminNeedsNoTenant() {
        given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("roles", hasItem("admin"))
                .body("tenant", nullValue());
    }

    @Test
    void tamperedTokenIsRejected() {
        String[] parts = Tokens.accessToken(Tokens.HOST).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replace("\"acme\"", "\"globex\"").replace("\"host\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "." + parts[2];
        given().auth().oauth2(tampered)
                .when().get("/api/admin/tenants")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void garbageTokenIsRejected() {
        given().auth().oauth2("not-a-jwt").when().get("/api/me").then().statusCode(401);
    }

    @Test
    void hostWithoutTenantIsRefusedClearly() {
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST_WITHOUT_TENANT))
                .when().get("/api/me")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:plenum:problem:no-tenant"))
                .body("detail", containsString("not linked to a Plenum tenant"));
    }
}
