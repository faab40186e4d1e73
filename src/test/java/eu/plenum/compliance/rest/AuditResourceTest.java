package eu.plenum.compliance.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The audit log's endpoints: who may verify and export, and that each use, and each refusal, is itself audited. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class AuditResourceTest {

    @Inject
    AgroalDataSource database;

    @Test
    void anOperatorVerifiesTheChainAndTheCheckIsAudited() throws SQLException {
        long before = count("audit.verified", null);
        given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN))
                .when().get("/api/compliance/audit/verify")
                .then().statusCode(200)
                .body("ok", equalTo(true))
                .body("firstSeq", equalTo(1));
        assertTrue(count("audit.verified", null) > before);
    }

    @Test
    void exportCarriesTheHashesAsJsonLinesOrCsv() throws SQLException {
        given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).get("/api/compliance/audit/verify").then().statusCode(200);
        String lines = given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN))
                .when().get("/api/compliance/audit/export")
                .then().statusCode(200).contentType(startsWith("application/x-ndjson"))
                .extract().asString();
        assertTrue(lines.startsWith("{\"seq\":1,"), lines);
        assertTrue(lines.contains("\"entryHash\":\"") && lines.contains("\"prevHash\":\"0000000000"), lines);
        given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN))
                .when().get("/api/compliance/audit/export?format=csv")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .body(startsWith("seq,recorded_at,node_id,action,actor,tenant_id,subject_key,target,details,prev_hash,entry_hash\n1,"));
        given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN))
                .when().get("/api/compliance/audit/export?format=xml")
                .then().statusCode(400).contentType("application/problem+json");
        assertTrue(count("audit.exported", null) >= 2);
    }

    @Test
    void aHostIsRefusedAndTheAttemptIsAudited() throws Exception {
        long before = count("access.refused", "/api/compliance/audit/verify");
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST))
                .when().get("/api/compliance/audit/verify")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST))
                .when().get("/api/compliance/audit/export")
                .then().statusCode(403);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (count("access.refused", "/api/compliance/audit/verify") == before && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT actor, tenant_id, details->>'method' FROM compliance_audit_entry WHERE action = 'access.refused'"
                        + " AND target = '/api/compliance/audit/verify' ORDER BY seq DESC LIMIT 1");
                ResultSet row = query.executeQuery()) {
            assertTrue(row.next(), "the refused attempt is in the audit log");
            assertTrue(!row.getString(1).equals("anonymous") && !row.getString(1).equals("host"),
                    "the actor is the host's account id, not its user name: " + row.getString(1));
            assertTrue("acme".equals(row.getString(2)));
            assertTrue("GET".equals(row.getString(3)));
        }
    }

    @Test
    void staffReadsOfPersonalDataAreAudited() throws SQLException {
        long before = count("personal-data.read", "/api/compliance/tenants/acme/data-location");
        given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN))
                .when().get("/api/compliance/tenants/acme/data-location").then().statusCode(200);
        assertTrue(count("personal-data.read", "/api/compliance/tenants/acme/data-location") > before);
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT tenant_id, details->>'what' FROM compliance_audit_entry WHERE action = 'personal-data.read' ORDER BY seq DESC LIMIT 1");
                ResultSet row = query.executeQuery()) {
            assertTrue(row.next());
            assertTrue("acme".equals(row.getString(1)) && "data-location-report".equals(row.getString(2)),
                    row.getString(1) + " " + row.getString(2));
        }
    }

    @Test
    void aConfigurationChangeIsAudited() throws SQLException {
        long before = count("config.changed", null);
        String location;
        try (eu.plenum.testsupport.WebhookReceiver receiver = eu.plenum.testsupport.WebhookReceiver.start()) {
            location = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType("application/json")
                    .body(java.util.Map.of("url", receiver.url("/audit"), "regionCode", "eu-fra"))
                    .when().post("/api/webhooks").then().statusCode(201).extract().header("Location");
        }
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).when().delete(java.net.URI.create(location).getPath())
                .then().statusCode(204);
        assertTrue(count("config.changed", null) >= before + 2);
    }

    private long count(String action, String target) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM compliance_audit_entry WHERE action = ? AND (CAST(? AS varchar) IS NULL OR target = ?)")) {
            query.setString(1, action);
            query.setString(2, target);
            query.setString(3, target);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
