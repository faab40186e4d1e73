package eu.plenum.shared.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies that cannot be read (JSON of the wrong shape, bytes that are no Unicode, malformed forms) get the one unreadable-body problem. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class UnreadableBodyTest {

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.accessToken(user)).contentType(ContentType.JSON);
    }

    @Test
    void aBodyOfTheWrongShapeIsAProblemWithoutAField() {
        for (String body : List.of("[]", "42", "\"x\"", "[1,2,3]")) {
            as(Tokens.ADMIN).body(body).post("/api/admin/tenants").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:plenum:problem:unreadable-body"));
        }
    }

    @Test
    void bytesThatAreNoUnicodeAreAProblemToo() {
        // Jackson's encoding detection reads this as UTF-32 and throws CharConversionException, no JsonProcessingException.
        byte[] body = {0, 0, 0, '{', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        as(Tokens.HOST).body(body).post("/api/webinars").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:plenum:problem:unreadable-body"));
    }

    @Test
    void aFormPairWithoutANameIsAProblemNotA500() {
        for (String body : List.of("=", "%zz", "email=%FF&kind=ACCESS")) {
            given().header("Sec-Fetch-Site", "same-origin").contentType("application/x-www-form-urlencoded; charset=UTF-8").body(body)
                    .post("/w/" + java.util.UUID.randomUUID()).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:plenum:problem:unreadable-body"));
        }
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedWithWhatItShouldBe() {
        as(Tokens.ADMIN).body("{\"id\":[],\"name\":\"Wrong shape\",\"homeRegionCode\":\"eu-fra\"}").post("/api/admin/tenants")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:plenum:problem:unreadable-body"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("id"))
                .body("errors[0].message", equalTo("must be a text"));
        as("dpo-acme").body("{\"requestId\":\"not-an-id\"}").post("/api/compliance/erasures")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("requestId"))
                .body("errors[0].message", equalTo("must be an id"));
        as(Tokens.HOST).body("{\"title\":\"Shape\",\"capacity\":{}}").post("/api/webinars")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("capacity"))
                .body("errors[0].message", equalTo("must be a number in range"));
    }
}
