package eu.plenum.shared.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import eu.plenum.testsupport.PlenumTestServers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Problem mapping, correlation ids, security headers and the operations endpoints. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class WebPlumbingTest {

    @Test
    void unexpectedFailureIs500WithCorrelationIdAndNoInternals() {
        Response response = given().when().get("/api/test-only/failure");
        response.then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:plenum:problem:internal-error"))
                .body("correlationId", notNullValue())
                .body(not(containsString("hunter2")))
                .body(not(containsString("IllegalStateException")));
        String correlationId = response.jsonPath().getString("correlationId");
        response.then().header(CorrelationIds.HEADER, equalTo(correlationId));
        org.junit.jupiter.api.Assertions.assertTrue(response.jsonPath().getString("detail").contains(correlationId));
    }

    @Test
    void wellFormedCorrelationIdIsEchoed() {
        given().header(CorrelationIds.HEADER, "trace-12345678")
                .when().get("/api/test-only/failure")
                .then().header(CorrelationIds.HEADER, equalTo("trace-12345678"))
                .body("correlationId", equalTo("trace-12345678"));
    }

    @Test
    void injectedCorrelationIdIsReplaced() {
        given().header(CorrelationIds.HEADER, "evil\"id<script>")
                .when().get("/")
                .then().header(CorrelationIds.HEADER, matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void unknownApiPathIsProblem404() {
        given().when().get("/api/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void unknownPageIsHtml404ForBrowsers() {
        given().accept("text/html").when().get("/no-such-page")
                .then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("data-status=\"404\""));
    }

    @Test
    void pagesCarrySecurityHeaders() {
        given().when().get("/")
                .then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Referrer-Policy", equalTo("same-origin"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void publicHomeSpeaksGermanWhenAsked() {
        given().header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5").when().get("/")
                .then().statusCode(200)
                .body(containsString("lang=\"de\""))
                .body(containsString("Anmelden"));
        given().cookie("plenum_lang", "de").header("Accept-Language", "en").when().get("/")
                .then().body(containsString("Anmelden"));
    }

    @Test
    void languageSwitchSetsCookieAndStaysOnSite() {
        given().redirects().follow(false).header("Referer", "https://evil.example/phish")
                .when().get("/lang/de")
                .then().statusCode(303)
                .header("Location", matchesPattern("https?://[^/]+/phish|/phish"))
                .cookie("plenum_lang", "de");
        given().redirects().follow(false).when().get("/lang/xx")
                .then().statusCode(303)
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anonymousVisitorIsSentToKeycloakForPages() {
        given().redirects().follow(false).accept("text/html").when().get("/host")
                .then().statusCode(302)
                .header("Location", containsString(PlenumTestServers.keycloak().realmUrl() + "/protocol/openid-connect/auth"));
    }

    @Test
    void healthIncludesTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem("Database connections health check"))
                .body("checks.find { it.name == 'Database replication' }.data.role", equalTo("primary"))
                .body("checks.find { it.name == 'Database replication' }.data.standbys", equalTo(0));
        given().when().get("/q/metrics").then().body(containsString("plenum_replication_standbys"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsOpenApiAndSwaggerUiAreServed() {
        given().when().get("/").then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/admin/tenants"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
