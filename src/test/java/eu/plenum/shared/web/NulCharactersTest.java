package eu.plenum.shared.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PostgreSQL cannot hold a NUL: a search text or a user id with one is a 400 problem before any query, never a 500. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class NulCharactersTest {

    @Test
    void aSearchOrAnIdWithANulIsRefused() {
        String webinar = Webinars.create(Tokens.HOST, Webinars.sample("Nul characters"));
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).queryParam("q", "a\u0000b").get("/api/webinars/" + webinar + "/registrants")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                .body(Map.of("userIds", List.of("\u0000"))).put("/api/webinars/" + webinar + "/moderators")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("userIds")));
    }
}
