package eu.plenum.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.plenum.testsupport.PageSessions;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every way a tenant administrator could try to reach beyond their tenant or their one grantable role, each
 * refused: granting or inviting {@code admin}, {@code tenant-admin} or a compliance role, choosing a tenant in
 * the body, another tenant's id or person, an operator's account inside the own tenant, the operators' API.
 * Nothing is changed in Keycloak by any refused attempt.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class TenantAdminEscalationTest {

    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification asTenantAdmin() {
        return TenantConsoleTest.as(TenantConsoleTest.fixture().tenantAdmin());
    }

    private static String people() {
        return "/api/tenants/" + TenantConsoleTest.fixture().tenant() + "/people";
    }

    private static String hostId() {
        return TenantConsoleTest.subject(TenantConsoleTest.fixture().host());
    }

    private static List<String> rolesOfHost() {
        return TenantConsoleTest.as(Tokens.ADMIN).get(people()).then().statusCode(200).extract().jsonPath()
                .getList("find { it.id == '" + hostId() + "' }.roles");
    }

    private static String newAddress() {
        return "probe." + Long.toString(System.nanoTime(), 36) + "@waw.example";
    }

    @Test
    void cannotInviteAnOperator() {
        String email = newAddress();
        asTenantAdmin().body(Map.of("email", email, "firstName", "Eve", "lastName", "Probe", "role", "admin")).post(people())
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:plenum:problem:role-not-grantable"));
        TenantConsoleTest.assertNoSuchUser(email);
    }

    @Test
    void cannotInviteAnotherTenantAdministratorOrOfficer() {
        for (String role : List.of("tenant-admin", "compliance", "platform-compliance")) {
            String email = newAddress();
            asTenantAdmin().body(Map.of("email", email, "firstName", "Eve", "lastName", "Probe", "role", role)).post(people())
                    .then().statusCode(403).body("type", equalTo("urn:plenum:problem:role-not-grantable"));
            TenantConsoleTest.assertNoSuchUser(email);
        }
    }

    @Test
    void unknownRolesAreInvalidInput() {
        asTenantAdmin().body(Map.of("email", newAddress(), "firstName", "Eve", "lastName", "Probe", "role", "realm-admin"))
                .post(people()).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("role"));
        asTenantAdmin().put(people() + "/" + hostId() + "/roles/manage-users").then().statusCode(400);
    }

    @Test
    void cannotGrantAdminToAPersonOfTheTenant() {
        asTenantAdmin().put(people() + "/" + hostId() + "/roles/admin").then().statusCode(403)
                .body("type", equalTo("urn:plenum:problem:role-not-grantable"));
        assertEquals(List.of("host"), rolesOfHost());
    }

    @Test
    void cannotGrantTenantAdminOrComplianceRoles() {
        for (String role : List.of("tenant-admin", "compliance", "platform-compliance")) {
            asTenantAdmin().put(people() + "/" + hostId() + "/roles/" + role).then().statusCode(403);
        }
        assertEquals(List.of("host"), rolesOfHost());
    }

    @Test
    void aTenantInTheBodyIsNeverBelieved() {
        String email = newAddress();
        String id = asTenantAdmin().body(Map.of("email", email, "firstName", "Eve", "lastName", "Probe", "role", "host",
                        "plenum_tenant", "acme", "tenantId", "acme", "attributes", Map.of("plenum_tenant", List.of("acme"))))
                .post(people()).then().statusCode(201).extract().path("id");
        List<String> tenant = given().auth().oauth2(PlenumTestServers.keycloak().adminAccessToken())
                .get(PlenumTestServers.keycloak().url() + "/admin/realms/plenum/users/" + id).then().statusCode(200)
                .extract().jsonPath().getList("attributes.plenum_tenant");
        assertEquals(List.of(TenantConsoleTest.fixture().tenant()), tenant);
        asTenantAdmin().delete(people() + "/" + id).then().statusCode(204);
    }

    @Test
    void anotherTenantsIdIsNotFoundForEveryOperation() {
        String acme = "/api/tenants/acme/people";
        String acmeHost = TenantConsoleTest.subject(Tokens.HOST);
        asTenantAdmin().get(acme).then().statusCode(404).contentType(PROBLEM);
        asTenantAdmin().body(Map.of("email", newAddress(), "firstName", "Eve", "lastName", "Probe")).post(acme).then().statusCode(404);
        asTenantAdmin().put(acme + "/" + acmeHost + "/roles/host").then().statusCode(404);
        asTenantAdmin().delete(acme + "/" + acmeHost + "/roles/host").then().statusCode(404);
        asTenantAdmin().delete(acme + "/" + acmeHost).then().statusCode(404);
        // Acme's host addressed through the own tenant's path: no such person here.
        asTenantAdmin().put(people() + "/" + acmeHost + "/roles/host").then().statusCode(404);
        asTenantAdmin().delete(people() + "/" + acmeHost).then().statusCode(404);
        TenantConsoleTest.as(Tokens.HOST).get("/api/me").then().statusCode(200).body("tenant.id", equalTo("acme"));
        String page = PageSessions.signIn(TenantConsoleTest.base(), TenantConsoleTest.fixture().tenantAdmin());
        given().header("Cookie", page).get("/console/tenants/acme").then().statusCode(404);
        TenantConsoleTest.form(page, "/console/tenants/acme/people/" + acmeHost + "/remove", Map.of()).then().statusCode(404);
        TenantConsoleTest.form(page, "/console/tenants/acme/people",
                Map.of("email", newAddress(), "firstName", "Eve", "lastName", "Probe", "role", "host")).then().statusCode(404);
    }

    @Test
    void anOperatorsAccountInsideTheTenantIsNotManageable() {
        String admin = PlenumTestServers.keycloak().adminAccessToken();
        String users = PlenumTestServers.keycloak().url() + "/admin/realms/plenum/users";
        String location = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", newAddress(), "enabled", true,
                        "attributes", Map.of("plenum_tenant", List.of(TenantConsoleTest.fixture().tenant()))))
                .post(users).then().statusCode(201).extract().header("Location");
        String operator = location.substring(location.lastIndexOf('/') + 1);
        Map<String, Object> role = given().auth().oauth2(admin).get(PlenumTestServers.keycloak().url() + "/admin/realms/plenum/roles/admin")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(role))
                .post(users + "/" + operator + "/role-mappings/realm").then().statusCode(204);
        try {
            asTenantAdmin().delete(people() + "/" + operator).then().statusCode(403)
                    .body("type", equalTo("urn:plenum:problem:person-not-manageable"));
            asTenantAdmin().delete(people() + "/" + operator + "/roles/host").then().statusCode(403);
            asTenantAdmin().put(people() + "/" + operator + "/roles/host").then().statusCode(403);
            given().auth().oauth2(admin).get(users + "/" + operator).then().statusCode(200);
        } finally {
            given().auth().oauth2(admin).delete(users + "/" + operator).then().statusCode(204);
        }
    }

    @Test
    void anotherTenantAdministratorIsForTheOperator() {
        String me = TenantConsoleTest.subject(TenantConsoleTest.fixture().tenantAdmin());
        asTenantAdmin().delete(people() + "/" + me + "/roles/tenant-admin").then().statusCode(403)
                .body("type", equalTo("urn:plenum:problem:role-not-grantable"));
        asTenantAdmin().delete(people() + "/" + me).then().statusCode(403)
                .body("type", equalTo("urn:plenum:problem:person-not-manageable"));
    }

    @Test
    void theOperatorsApiIsClosedToTenantAdministrators() {
        String tenant = TenantConsoleTest.fixture().tenant();
        asTenantAdmin().get("/api/admin/tenants").then().statusCode(403);
        asTenantAdmin().body(Map.of("id", "probe-" + System.nanoTime(), "name", "Probe", "homeRegionCode", "eu-fra"))
                .post("/api/admin/tenants").then().statusCode(403);
        asTenantAdmin().body(Map.of("reason", "other")).put("/api/admin/tenants/" + tenant + "/suspension").then().statusCode(403);
        asTenantAdmin().body(Map.of("reason", "other")).put("/api/admin/tenants/globex/suspension").then().statusCode(403);
        asTenantAdmin().body(Map.of("targetRegionCode", "eu-fra", "reason", "probe"))
                .post("/api/admin/tenants/" + tenant + "/home-region-migrations").then().statusCode(403);
        String page = PageSessions.signIn(TenantConsoleTest.base(), TenantConsoleTest.fixture().tenantAdmin());
        TenantConsoleTest.form(page, "/console/tenants/" + tenant + "/suspension", Map.of("reason", "other")).then().statusCode(403);
        TenantConsoleTest.form(page, "/console/tenants", Map.of("id", "probe-x", "name", "Probe", "homeRegionCode", "eu-fra"))
                .then().statusCode(403);
        given().header("Cookie", page).get("/console").then().statusCode(403);
        TenantConsoleTest.as(Tokens.ADMIN).get("/api/admin/tenants/" + tenant).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    /** Least privilege: the console's service account manages users and nothing else, and is no way into Plenum. */
    @Test
    void theConsolesServiceAccountHasUserRightsOnly() {
        String keycloak = PlenumTestServers.keycloak().url();
        String token = given().formParam("grant_type", "client_credentials").formParam("client_id", "plenum-console")
                .formParam("client_secret", PlenumTestServers.keycloak().consoleClientSecret())
                .post(keycloak + "/realms/plenum/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).queryParam("max", 1).get(keycloak + "/admin/realms/plenum/users").then().statusCode(200);
        given().auth().oauth2(token).get(keycloak + "/admin/realms/plenum/clients").then().statusCode(403);
        given().auth().oauth2(token).get(keycloak + "/admin/realms/plenum/authentication/flows").then().statusCode(403);
        given().auth().oauth2(token).get(keycloak + "/admin/realms/master/users").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(401), equalTo(403)));
        given().auth().oauth2(token).get("/api/me").then().statusCode(401);
        given().formParam("grant_type", "password").formParam("client_id", "plenum-console")
                .formParam("client_secret", PlenumTestServers.keycloak().consoleClientSecret())
                .formParam("username", Tokens.ADMIN).formParam("password", Tokens.password(Tokens.ADMIN))
                .post(keycloak + "/realms/plenum/protocol/openid-connect/token").then().statusCode(400)
                .body("error", equalTo("unauthorized_client"));
    }

    @Test
    void hostsAndOfficersCannotManagePeopleAtAll() {
        TenantConsoleTest.as(TenantConsoleTest.fixture().host()).get(people()).then().statusCode(403).contentType(PROBLEM);
        TenantConsoleTest.as(TenantConsoleTest.fixture().host()).put(people() + "/" + hostId() + "/roles/host").then().statusCode(403);
        TenantConsoleTest.as("dpo-acme").get("/api/tenants/acme/people").then().statusCode(403);
    }
}
