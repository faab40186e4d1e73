package eu.plenum.shared.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An Accept header that does not parse is a problem+json 400 on pages and the API alike; a well-formed one negotiates as before. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class AcceptHeadersTest {

    @Test
    void anUnparseableAcceptIsA400Problem() {
        for (String accept : List.of("garbage", ";;;", "text/html;q=abc", "*/*;q=2")) {
            given().header("Accept", accept).get("/").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:plenum:problem:bad-accept-header"));
            given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).header("Accept", accept).get("/api/webinars").then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aBrowsersAcceptStillGetsPages() {
        given().header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").get("/")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/html"));
        given().header("Accept", "text/html").get("/no-such-page").then().statusCode(404)
                .contentType(org.hamcrest.Matchers.containsString("text/html"));
    }
}
