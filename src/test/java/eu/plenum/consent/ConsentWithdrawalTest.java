package eu.plenum.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import eu.plenum.scheduling.Registrations;
import eu.plenum.shared.PersonalDataHolder;
import eu.plenum.shared.PersonalDataHolder.DataSubject;
import eu.plenum.shared.SubjectKeys;
import eu.plenum.testsupport.PersonSeed;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Consent withdrawal end to end over HTTP with the embedded database: the registrant withdraws from
 * the page behind their join link, the officer records a withdrawal for another person, the next
 * entry and the host's registrant list treat both as not consenting, repeats change nothing, one link
 * acts only for its own registration, and the export and the audit log show each withdrawal.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class ConsentWithdrawalTest {

    private static final String TENANT = "acme";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Instance<PersonalDataHolder> holders;
    @Inject
    Registrations registrations;
    @Inject
    SubjectKeys keys;

    @Test
    void aWithdrawnConsentIsHonouredFromTheNextEntryOnAndShowsInExportAndAudit() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String webinar = PersonSeed.webinarWithOneTextQuestion("Consent withdrawal " + run);
        UUID question = PersonSeed.questionOf(dataSource, webinar);
        PersonSeed.Person anna = PersonSeed.seated(dataSource, webinar, question, "Anna Widerruf", "anna." + run + "@consent.example", "A");
        PersonSeed.Person bert = PersonSeed.seated(dataSource, webinar, question, "Bert Bleibt", "bert." + run + "@consent.example", "B");
        assertEquals(Map.of(anna.email(), true, bert.email(), true), consentsInHostList(webinar));
        given().get("/join/" + anna.joinToken()).then().statusCode(200)
                .body(containsString("data-testid=\"lobby-recording-consent\" data-standing=\"true\""));

        // The page behind the link shows what stands, with a one-click withdrawal; a cross-site form is refused.
        given().get("/join/" + anna.joinToken() + "/consents").then().statusCode(200)
                .body(containsString("data-testid=\"withdraw-RECORDING_CONSENT\""));
        given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site").formParam("kind", "RECORDING_CONSENT")
                .post("/join/" + anna.joinToken() + "/consents/withdraw").then().statusCode(403).contentType(PROBLEM);
        assertEquals(1, standing(anna.registrationId()));

        // Withdraw, twice: one record ends, the repeat changes nothing; a notice is not a consent; an unknown link is 404.
        for (int i = 0; i < 2; i++) {
            withdraw(anna.joinToken(), "RECORDING_CONSENT").then().statusCode(303);
        }
        withdraw(anna.joinToken(), "PRIVACY_NOTICE").then().statusCode(400).contentType(PROBLEM);
        withdraw("not-a-join-token-" + run, "RECORDING_CONSENT").then().statusCode(404).contentType(PROBLEM);
        given().header("Sec-Fetch-Site", "same-origin").contentType("application/x-www-form-urlencoded")
                .body("kind=" + "x".repeat(2048)).post("/join/" + anna.joinToken() + "/consents/withdraw").then().statusCode(413);
        assertEquals(0, standing(anna.registrationId()));
        assertEquals(1, PersonSeed.count(dataSource, "SELECT count(*) FROM consent_record WHERE subject_id = ? AND kind = 'RECORDING_CONSENT' "
                + "AND withdrawn_at IS NOT NULL AND withdrawn_by = 'SUBJECT'", anna.registrationId()));
        // Anna's link acted for Anna only.
        assertEquals(1, standing(bert.registrationId()));

        // The next entry: the lobby and the host's list treat Anna as not consenting.
        given().get("/join/" + anna.joinToken()).then().statusCode(200)
                .body(containsString("data-testid=\"lobby-recording-consent\" data-standing=\"false\""));
        given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").post("/join/" + anna.joinToken() + "/enter")
                .then().statusCode(303);
        assertEquals(Map.of(anna.email(), false, bert.email(), true), consentsInHostList(webinar));
        given().get("/join/" + anna.joinToken() + "/consents").then().statusCode(200)
                .body(containsString("data-testid=\"give-RECORDING_CONSENT\""));

        // The officer records Bert's withdrawal; hosts and another tenant's officer are refused; a repeat withdraws nothing.
        Map<String, String> forBert = Map.of("tenantId", TENANT, "email", bert.email(), "kind", "RECORDING_CONSENT");
        officer(Tokens.HOST, forBert).then().statusCode(403);
        officer("dpo-globex", forBert).then().statusCode(403);
        officer("dpo-acme", Map.of("tenantId", TENANT, "email", bert.email(), "kind", "PRIVACY_NOTICE")).then().statusCode(400)
                .contentType(PROBLEM);
        officer("dpo-acme", forBert).then().statusCode(200).body("withdrawn", org.hamcrest.Matchers.equalTo(1));
        officer("dpo-acme", forBert).then().statusCode(200).body("withdrawn", org.hamcrest.Matchers.equalTo(0));
        assertEquals(Map.of(anna.email(), false, bert.email(), false), consentsInHostList(webinar));

        // The export carries when and by whom; the audit names each person by key only.
        Map<String, Object> annas = withdrawnRecord(anna);
        assertNotNull(annas.get("withdrawnAt"));
        assertEquals("SUBJECT", annas.get("withdrawnBy"));
        assertEquals("OFFICER", withdrawnRecord(bert).get("withdrawnBy"));
        assertEquals(1, audited(anna, "SUBJECT"));
        assertEquals(2, audited(bert, "OFFICER"));
        assertEquals(0, PersonSeed.count(dataSource, "SELECT count(*) FROM compliance_audit_entry WHERE action = 'consent.withdrawn' "
                + "AND (details::text ILIKE ? OR actor ILIKE ?)", "%" + run + "%", "%" + run + "%"));

        // Giving it again is one click too, and stands from then on.
        given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").post("/join/" + anna.joinToken() + "/consents/recording")
                .then().statusCode(303);
        assertEquals(1, standing(anna.registrationId()));
        assertEquals(Map.of(anna.email(), true, bert.email(), false), consentsInHostList(webinar));
    }

    private static io.restassured.response.Response withdraw(String token, String kind) {
        return given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").formParam("kind", kind)
                .post("/join/" + token + "/consents/withdraw");
    }

    private static io.restassured.response.Response officer(String user, Map<String, String> body) {
        return given().auth().oauth2(Tokens.accessToken(user)).contentType(ContentType.JSON).body(body)
                .post("/api/compliance/consent-withdrawals");
    }

    private static Map<String, Boolean> consentsInHostList(String webinar) {
        List<Map<String, Object>> registrants = given().auth().oauth2(Tokens.accessToken(Tokens.HOST))
                .get("/api/webinars/" + webinar + "/registrants").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Boolean> consents = new java.util.HashMap<>();
        registrants.forEach(registrant -> consents.put((String) registrant.get("email"), (Boolean) registrant.get("recordingConsent")));
        return consents;
    }

    private long standing(UUID registration) throws Exception {
        return PersonSeed.count(dataSource, "SELECT count(*) FROM consent_record WHERE subject_id = ? AND kind = 'RECORDING_CONSENT' "
                + "AND withdrawn_at IS NULL", registration);
    }

    private long audited(PersonSeed.Person person, String source) throws Exception {
        return PersonSeed.count(dataSource, "SELECT count(*) FROM compliance_audit_entry WHERE action = 'consent.withdrawn' "
                + "AND subject_key = ? AND details->>'source' = ?", keys.of(TENANT, person.email()), source);
    }

    private Map<String, Object> withdrawnRecord(PersonSeed.Person person) {
        DataSubject subject = new DataSubject(TENANT, person.email(), registrations.idsOf(TENANT, person.email()));
        List<Map<String, Object>> records = QuarkusTransaction.requiringNew().call(() -> holders.stream()
                .filter(holder -> holder.category().equals("consent-records")).findFirst().orElseThrow().export(subject));
        List<Map<String, Object>> withdrawn = records.stream()
                .filter(record -> "RECORDING_CONSENT".equals(record.get("kind")) && record.get("withdrawnAt") != null).toList();
        assertEquals(1, withdrawn.size(), records.toString());
        assertNull(records.stream().filter(record -> "PRIVACY_NOTICE".equals(record.get("kind"))).findFirst().orElseThrow()
                .get("withdrawnAt"));
        return withdrawn.get(0);
    }
}
