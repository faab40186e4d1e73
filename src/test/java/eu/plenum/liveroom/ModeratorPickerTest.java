package eu.plenum.liveroom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The host picks a webinar's moderators in the studio among the hosts of the own tenant, as Keycloak
 * lists them (the real suite Keycloak): another tenant's host is neither offered nor accepted, nor is a
 * person of the own tenant who is no host, and another tenant's host cannot even read the list.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class ModeratorPickerTest {

    private static final String APP = "http://localhost:8081";

    @Test
    void theHostPicksAModeratorAmongTheOwnTenantsHostsInTheStudio() {
        String webinarId = Webinars.create(Tokens.HOST, Webinars.sample("Moderator picker"));
        String sessionId = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/webinars/" + webinarId)
                .then().statusCode(200).extract().path("sessions[0].id");
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                .post("/api/webinars/" + webinarId + "/sessions/" + sessionId + "/room").then().statusCode(201);
        String moderators = "/api/webinars/" + webinarId + "/moderators";

        // Offered: the own tenant's hosts; not another tenant's host, not the own tenant's privacy officer.
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get(moderators + "/candidates").then().statusCode(200)
                .body("userId", hasItem(Tokens.HOST)).body("userId", not(hasItem(Tokens.HOST_OF_GLOBEX)))
                .body("userId", not(hasItem("dpo-acme")));

        try (Browser browser = Browser.launchWithFakeMedia()) {
            Page studio = browser.signIn(APP + "/", Tokens.HOST, "en");
            studio.navigate(APP + "/host/studio/webinars/" + webinarId + "/sessions/" + sessionId);
            assertThat(studio.getByTestId("moderator-" + Tokens.HOST)).not().isChecked();
            assertThat(studio.getByTestId("moderator-candidates")).not().containsText("host2");
            studio.getByTestId("moderator-" + Tokens.HOST).check();
            studio.getByTestId("moderators-save").click();
            assertThat(studio.getByTestId("moderators-status")).hasText("Saved.",
                    new LocatorAssertions.HasTextOptions().setTimeout(30_000));
            assertThat(studio.getByTestId("moderator-" + Tokens.HOST)).isChecked();
        }
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get(moderators).then().statusCode(200)
                .body("userIds", equalTo(List.of(Tokens.HOST)));

        // Ids that are no host of the tenant are refused and change nothing.
        for (String foreign : List.of(Tokens.HOST_OF_GLOBEX, "dpo-acme", "nobody-at-all")) {
            given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                    .body(Map.of("userIds", List.of(foreign))).put(moderators)
                    .then().statusCode(404).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get(moderators).then().statusCode(200)
                .body("userIds", equalTo(List.of(Tokens.HOST)));

        // Another tenant's host sees neither the list nor the candidates of this webinar.
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX)).get(moderators + "/candidates").then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX)).contentType(ContentType.JSON)
                .body(Map.of("userIds", List.of(Tokens.HOST_OF_GLOBEX))).put(moderators).then().statusCode(404);
    }
}
