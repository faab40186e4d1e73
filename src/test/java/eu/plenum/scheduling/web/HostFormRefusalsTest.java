package eu.plenum.scheduling.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import eu.plenum.testsupport.PageSessions;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * The host's forms refuse bad input the way every page does: a browser (Accept: text/html) gets the form again with
 * its errors, any other client the problem+json 400; a malformed form body is the unreadable-body problem.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class HostFormRefusalsTest {

    private static RequestSpecification host(String cookie) {
        return given().header("Cookie", cookie).header("Sec-Fetch-Site", "same-origin").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8"); // as browsers read it (RestAssured says ISO-8859-1)
    }

    @Test
    void aRefusedFormIsThePageForBrowsersAndAProblemForOthers() {
        String cookie = PageSessions.signIn(RestAssured.baseURI + ":" + RestAssured.port, Tokens.HOST);
        String form = "title=Nul%00title&language=en&timeZone=Europe%2FBerlin&start=" + Webinars.NEXT_YEAR
                + "-11-03T10%3A00&durationMinutes=60&capacity=10";
        host(cookie).accept("text/html").body(form).post("/host/webinars").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("data-field=\"title\""));
        host(cookie).accept("*/*").body(form).post("/host/webinars").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("title"));
        // The page produces HTML only: a client that takes nothing else is told so before the form is read.
        host(cookie).accept("application/json").body(form).post("/host/webinars").then().statusCode(406)
                .contentType("application/problem+json");

        String webinar = Webinars.create(Tokens.HOST, Webinars.sample("Host form refusals"));
        for (String body : java.util.List.of("=", "%zz", "selected=%FF")) {
            host(cookie).body(body).post("/host/webinars/" + webinar + "/registrants").then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("urn:plenum:problem:unreadable-body"));
        }
        host(cookie).body("decision=approve&selected=not-an-id").post("/host/webinars/" + webinar + "/registrants")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("selected"));
    }
}
