package eu.plenum.console;

import static io.restassured.RestAssured.given;

import eu.plenum.testsupport.PageSessions;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * An operator's console pages name the tenant in the path; an id no tenant can have (a NUL, a space, far too long) is
 * a 404 like any unknown tenant, never the database's refusal as a 500.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class TenantPagesRefusalsTest {

    @Test
    void anIdNoTenantCanHaveIsNotFound() {
        String cookie = PageSessions.signIn(RestAssured.baseURI + ":" + RestAssured.port, Tokens.ADMIN);
        for (String id : java.util.List.of("acme%00", "ac%20me", "a".repeat(300))) {
            given().header("Cookie", cookie).redirects().follow(false).urlEncodingEnabled(false)
                    .get("/console/tenants/" + id).then().statusCode(404);
            given().header("Cookie", cookie).header("Sec-Fetch-Site", "same-origin").redirects().follow(false)
                    .urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded").body("reason=contract-ended")
                    .post("/console/tenants/" + id + "/suspension").then().statusCode(404);
        }
        // The real tenant is still found: the check refuses only what cannot be an id.
        given().header("Cookie", cookie).redirects().follow(false).get("/console/tenants/acme").then().statusCode(200);
    }
}
