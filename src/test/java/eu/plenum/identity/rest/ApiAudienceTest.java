package eu.plenum.identity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.plenum.testsupport.KeycloakServer;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API takes only tokens issued for it (audience {@code plenum-api}): a token that another
 * client of the same realm obtained for a real host, with the host role and the tenant claim, is
 * refused with 401. The web client itself offers no password grant.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class ApiAudienceTest {

    private static final String FOREIGN_CLIENT = "foreign-kiosk";
    private static final String FOREIGN_SECRET = "foreign-kiosk-secret-" + System.nanoTime();

    /** A client like any integration a realm administrator might add: password grant, realm roles, the tenant claim, no audience mapper. */
    @BeforeAll
    static void createForeignClient() {
        KeycloakServer keycloak = PlenumTestServers.keycloak();
        Map<String, Object> tenantMapper = Map.of("name", "plenum tenant", "protocol", "openid-connect",
                "protocolMapper", "oidc-usermodel-attribute-mapper",
                "config", Map.of("user.attribute", "plenum_tenant", "claim.name", "plenum_tenant", "jsonType.label", "String",
                        "access.token.claim", "true", "id.token.claim", "true"));
        int status = given().baseUri(keycloak.url()).auth().oauth2(keycloak.adminAccessToken())
                .contentType("application/json")
                .body(Map.of("clientId", FOREIGN_CLIENT, "enabled", true, "publicClient", false, "secret", FOREIGN_SECRET,
                        "standardFlowEnabled", false, "directAccessGrantsEnabled", true, "fullScopeAllowed", true,
                        "protocolMappers", List.of(tenantMapper)))
                .when().post("/admin/realms/" + KeycloakServer.REALM + "/clients")
                .then().extract().statusCode();
        assertTrue(status == 201 || status == 409, "creating the foreign client answered " + status);
    }

    @Test
    void tokenOfAnotherClientOfTheRealmIsRefusedAlthoughItCarriesTheHostRole() throws Exception {
        String foreign = given().baseUri(PlenumTestServers.keycloak().realmUrl())
                .formParam("grant_type", "password").formParam("client_id", FOREIGN_CLIENT)
                .formParam("client_secret", FOREIGN_SECRET).formParam("username", Tokens.HOST)
                .formParam("password", Tokens.password(Tokens.HOST)).formParam("scope", "openid")
                .when().post("/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        JsonNode claims = claims(foreign);
        // Without these the test could pass for the wrong reason (no roles, no tenant).
        assertTrue(claims.path("realm_access").path("roles").toString().contains("\"host\""), claims.toString());
        assertTrue(claims.path("plenum_tenant").asText().equals("acme"), claims.toString());
        assertFalse(claims.path("aud").toString().contains("plenum-api"), claims.toString());

        given().auth().oauth2(foreign).when().get("/api/me")
                .then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(foreign).when().get("/api/webinars").then().statusCode(401);
    }

    @Test
    void tokenIssuedForThePlenumApiIsAccepted() throws Exception {
        String token = Tokens.accessToken(Tokens.HOST);
        assertTrue(claims(token).path("aud").toString().contains("plenum-api"), claims(token).toString());
        given().auth().oauth2(token).when().get("/api/me")
                .then().statusCode(200)
                .body("tenant.id", equalTo("acme"));
    }

    @Test
    void webClientOffersNoPasswordGrant() {
        given().baseUri(PlenumTestServers.keycloak().realmUrl())
                .formParam("grant_type", "password").formParam("client_id", "plenum-web")
                .formParam("client_secret", "plenum-web-dev-secret").formParam("username", Tokens.HOST)
                .formParam("password", Tokens.password(Tokens.HOST))
                .when().post("/protocol/openid-connect/token")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(401)))
                .body("error", equalTo("unauthorized_client"));
    }

    private static JsonNode claims(String jwt) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
