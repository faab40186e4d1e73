package eu.plenum.compliance.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.KeycloakServer;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may read and change retention rules: a tenant's data-protection officer their own tenant only,
 * the platform's officers every tenant, hosts nobody's; every change is audited as config.changed.
 */
@QuarkusTest
@TestProfile(RetentionClockProfile.class)
@WithTestResource(PlenumTestServers.class)
class RetentionScopeTest {

    /** A data-protection officer of acme, made in the suite's Keycloak (the bundled realm has none yet). */
    static final String DPO = "dpo-retention-acme";

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void createTenantOfficer() {
        KeycloakServer keycloak = PlenumTestServers.keycloak();
        String admin = keycloak.adminAccessToken();
        String realm = "/admin/realms/" + KeycloakServer.REALM;
        int created = given().baseUri(keycloak.url()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", DPO, "enabled", true, "email", DPO + "@acme.localhost", "emailVerified", true,
                        "firstName", "Dora", "lastName", "Protect", "attributes", Map.of("plenum_tenant", List.of("acme")),
                        "credentials", List.of(Map.of("type", "password", "value", Tokens.password(DPO), "temporary", false))))
                .when().post(realm + "/users").then().extract().statusCode();
        assertTrue(created == 201 || created == 409, "creating the officer answered " + created);
        String id = given().baseUri(keycloak.url()).auth().oauth2(admin).queryParam("username", DPO).queryParam("exact", true)
                .when().get(realm + "/users").then().statusCode(200).extract().path("[0].id");
        Map<String, Object> role = given().baseUri(keycloak.url()).auth().oauth2(admin).when().get(realm + "/roles/compliance")
                .then().statusCode(200).extract().as(Map.class);
        given().baseUri(keycloak.url()).auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(role))
                .when().post(realm + "/users/" + id + "/role-mappings/realm").then().statusCode(204);
    }

    @Test
    void aTenantOfficerSeesOnlyItsTenantAndHostsNone() throws Exception {
        ensureTenants();
        String dpo = Tokens.accessToken(DPO);
        given().auth().oauth2(dpo).when().get("/api/compliance/retention/tenants/acme/rules")
                .then().statusCode(200).body("category", hasItem("live-events"));
        given().auth().oauth2(dpo).when().get("/api/compliance/retention/tenants/globex/rules")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(dpo).when().get("/api/compliance/retention/tenants/globex/due")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(Map.of("keepDays", 30))
                .when().put("/api/compliance/retention/tenants/globex/rules/live-events")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(dpo).when().post("/api/compliance/retention/runs").then().statusCode(403);
        given().auth().oauth2(dpo).when().get("/api/compliance/register/tenants/globex/csv").then().statusCode(403);
        given().auth().oauth2(dpo).when().get("/api/compliance/register/all/csv").then().statusCode(403);

        String host = Tokens.accessToken(Tokens.HOST);
        given().auth().oauth2(host).when().get("/api/compliance/retention/tenants/acme/rules").then().statusCode(403);

        given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).when().get("/api/compliance/retention/tenants/globex/rules")
                .then().statusCode(200);
    }

    @Test
    void aRuleChangeIsAuditedAndRespectsTheFloor() throws Exception {
        ensureTenants();
        String dpo = Tokens.accessToken(DPO);
        long before = count("SELECT count(*) FROM compliance_audit_entry WHERE action = 'config.changed' AND tenant_id = 'acme'");
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(Map.of("keepDays", 30))
                .when().put("/api/compliance/retention/tenants/acme/rules/attendance")
                .then().statusCode(200).body("keepDays", equalTo(30)).body("overridden", equalTo(true)).body("defaultDays", equalTo(365));
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(Map.of("keepDays", 100))
                .when().put("/api/compliance/retention/tenants/acme/rules/transfer-log")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(Map.of("keepDays", 1))
                .when().put("/api/compliance/retention/tenants/acme/rules/no-such-category")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(dpo).when().delete("/api/compliance/retention/tenants/acme/rules/attendance")
                .then().statusCode(200).body("keepDays", equalTo(365)).body("overridden", equalTo(false));
        assertEquals(2, count("SELECT count(*) FROM compliance_audit_entry WHERE action = 'config.changed' AND tenant_id = 'acme'") - before,
                "the change and the reset");
        given().auth().oauth2(dpo).when().get("/api/compliance/retention/tenants/acme/due")
                .then().statusCode(200).body("dueNow.attendance", org.hamcrest.Matchers.notNullValue());
    }

    private void ensureTenants() throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tenant (id, name, home_region_code) VALUES (?, ?, 'eu-fra') ON CONFLICT DO NOTHING")) {
            for (String tenant : List.of("acme", "globex")) {
                insert.setString(1, tenant);
                insert.setString(2, tenant.toUpperCase() + " retention test");
                insert.executeUpdate();
            }
        }
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
