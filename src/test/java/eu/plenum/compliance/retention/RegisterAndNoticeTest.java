package eu.plenum.compliance.retention;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.residency.DeclaredPlace;
import eu.plenum.residency.DeclaredPlaces;
import eu.plenum.shared.PersonalDataHolder;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Art. 30 register names every personal-data category the code holds and every place the operator
 * declared, with its provider, in CSV and HTML, English and German; the privacy notice on the
 * registration page states the tenant's retention rules as they are configured, and follows a change.
 */
@QuarkusTest
@TestProfile(RetentionClockProfile.class)
@WithTestResource(PlenumTestServers.class)
class RegisterAndNoticeTest {

    @Inject
    @Any
    Instance<PersonalDataHolder> holders;

    @Inject
    DeclaredPlaces places;

    @Test
    void theRegisterListsEveryCategoryAndEverySubProcessor() {
        String admin = Tokens.accessToken(Tokens.ADMIN);
        Webinars.create(Tokens.HOST, Webinars.sample("Register seed")); // makes sure acme exists
        for (String format : List.of("csv", "html")) {
            for (String lang : List.of("en", "de")) {
                String whole = given().auth().oauth2(admin).queryParam("lang", lang).when().get("/api/compliance/register/all/" + format)
                        .then().statusCode(200).extract().asString();
                String tenant = given().auth().oauth2(admin).queryParam("lang", lang)
                        .when().get("/api/compliance/register/tenants/acme/" + format).then().statusCode(200).extract().asString();
                for (PersonalDataHolder holder : holders) {
                    assertTrue(tenant.contains(holder.category()), format + "/" + lang + " lacks category " + holder.category());
                }
                for (String retained : List.of("unconfirmed-registrations", "sent-mail-bodies", "attendance", "recordings", "transfer-log")) {
                    assertTrue(tenant.contains(retained), format + "/" + lang + " lacks the retention of " + retained);
                }
                for (DeclaredPlace place : places.all()) {
                    assertTrue(whole.contains(place.name()), format + "/" + lang + " lacks place " + place.name());
                    if (place.region().provider() != null) {
                        assertTrue(whole.contains(place.region().provider()), format + "/" + lang + " lacks provider " + place.region().provider());
                    }
                }
                assertTrue(whole.contains("30(1)") && whole.contains("30(2)"), "both kinds of record");
                assertTrue(whole.contains(lang.equals("de") ? "Technische und organisatorische Maßnahmen" : "Technical and organisational measures"),
                        format + "/" + lang + " is not in its language");
                assertFalse(whole.contains("measure.") || whole.contains("category."), "an untranslated key in " + format + "/" + lang);
            }
        }
        given().auth().oauth2(admin).queryParam("lang", "fr").when().get("/api/compliance/register/all/csv").then().statusCode(400);
    }

    @Test
    void thePrivacyNoticeShowsTheConfiguredRetention() {
        String admin = Tokens.accessToken(Tokens.ADMIN);
        String webinar = Webinars.create(Tokens.HOST, Webinars.sample("Notice"));
        String page = given().when().get("/w/" + webinar).then().statusCode(200).extract().asString();
        assertTrue(page.contains("An unconfirmed registration is deleted 7 days after it was made."), page);
        assertTrue(page.contains("deleted 90 days after the session"), "the defaults");
        assertTrue(page.contains("Recordings are kept until the host deletes them."));
        assertTrue(page.contains("at most 30 days"), "how long erased data may survive in backups");
        assertTrue(page.contains("It is copied to a backup site in another EU data centre"),
                "the test configuration declares backup storage (recordings-fra-backup), so the notice says so");

        for (String category : List.of("live-events", "questions", "poll-votes", "raised-hands")) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("keepDays", 45))
                    .when().put("/api/compliance/retention/tenants/acme/rules/" + category).then().statusCode(200);
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("keepDays", 3))
                .when().put("/api/compliance/retention/tenants/acme/rules/unconfirmed-registrations").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("keepDays", 120))
                .when().put("/api/compliance/retention/tenants/acme/rules/recordings").then().statusCode(200);
        try {
            String changed = given().when().get("/w/" + webinar).then().statusCode(200).extract().asString();
            assertTrue(changed.contains("An unconfirmed registration is deleted 3 days after it was made."), changed);
            assertTrue(changed.contains("Chat messages, questions, poll votes and raised hands are deleted 45 days after the session."));
            assertTrue(changed.contains("Recordings are deleted 120 days after the session."));
            String german = given().header("Accept-Language", "de").when().get("/w/" + webinar).then().statusCode(200).extract().asString();
            assertTrue(german.contains("werden 45 Tage nach der Sitzung gelöscht"), german);
            assertTrue(german.contains("3 Tage nach der Anmeldung gelöscht"));

            given().auth().oauth2(admin).contentType(ContentType.JSON).body(java.util.Collections.singletonMap("keepDays", null))
                    .when().put("/api/compliance/retention/tenants/acme/rules/live-events").then().statusCode(200);
            assertTrue(given().when().get("/w/" + webinar).then().extract().asString()
                    .contains("Chat messages, questions, poll votes and raised hands are kept until you or the host ask for their erasure."),
                    "one category kept longer makes the sentence say so");
        } finally {
            for (String category : List.of("live-events", "questions", "poll-votes", "raised-hands", "unconfirmed-registrations", "recordings")) {
                given().auth().oauth2(admin).when().delete("/api/compliance/retention/tenants/acme/rules/" + category).then().statusCode(200);
            }
        }
    }
}
