package eu.plenum.traffic;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import eu.plenum.testsupport.PlenumTestServers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A saturated node answers new work at once with a 503 problem and Retry-After, and still reports its health. */
@QuarkusTest
@TestProfile(SheddingProfile.class)
@WithTestResource(PlenumTestServers.class)
class LoadSheddingTest {

    @Test
    void newWorkIsShedWhileHealthIsAnswered() {
        given().contentType("application/json").body("{}").post("/api/public/webinars/" + UUID.randomUUID() + "/registrations")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "2")
                .body("type", equalTo("urn:plenum:problem:overloaded"));
        given().accept("text/html").get("/w/" + UUID.randomUUID()).then().statusCode(503).header("Retry-After", "2");
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }
}
