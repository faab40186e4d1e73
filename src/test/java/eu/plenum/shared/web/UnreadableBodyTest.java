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

/** JSON bodies of the wrong shape get the one unreadable-body problem, naming the field, on every JSON address. */
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
