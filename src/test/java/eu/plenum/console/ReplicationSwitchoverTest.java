package eu.plenum.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PageSessions;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * The replication page's switchover form is for operators only and same-origin only, and every attempt is audited: here
 * no Patroni is configured (the test app runs on one database), so the page shows no Patroni section and Patroni
 * "refuses" — a 409 problem, audited {@code replication.switchover} with outcome refused. The switchover itself against
 * real Patroni members is PatroniPartitionIT's; the view, PatroniKillIT's.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class ReplicationSwitchoverTest {

    @Inject
    AgroalDataSource data;

    @Test
    void onlyAnOperatorsSameOriginSwitchoverIsAskedForAndEveryAttemptIsAudited() throws Exception {
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        String operator = PageSessions.signIn(base, Tokens.ADMIN);
        given().header("Cookie", operator).get("/console/replication").then().statusCode(200)
                .body(containsString("data-testid=\"replication-title\""), not(containsString("data-testid=\"patroni-view\"")));

        String host = PageSessions.signIn(base, Tokens.HOST);
        given().header("Cookie", host).header("Sec-Fetch-Site", "same-origin").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").body("leader=site_a&candidate=site_b")
                .post("/console/replication/switchover").then().statusCode(403);
        given().header("Cookie", operator).header("Sec-Fetch-Site", "cross-site").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").body("leader=site_a&candidate=site_b")
                .post("/console/replication/switchover").then().statusCode(403);
        long before = audited();

        given().header("Cookie", operator).header("Sec-Fetch-Site", "same-origin").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").body("leader=site_a&candidate=site_b")
                .post("/console/replication/switchover").then().statusCode(409);
        assertTrue(audited() == before + 1, "the refused attempt is audited once");
    }

    private long audited() throws Exception {
        try (Connection connection = data.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM compliance_audit_entry WHERE action = 'replication.switchover' AND target = 'patroni-member:site_b'"
                        + " AND details->>'outcome' = 'refused' AND details->>'leader' = 'site_a'");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
