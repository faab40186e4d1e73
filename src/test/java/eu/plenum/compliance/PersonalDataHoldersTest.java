package eu.plenum.compliance;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.scheduling.Registrations;
import eu.plenum.shared.PersonalDataHolder;
import eu.plenum.shared.PersonalDataHolder.DataSubject;
import eu.plenum.testsupport.PersonSeed;
import eu.plenum.testsupport.PersonSeed.Person;
import eu.plenum.testsupport.PlenumTestServers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The per-person contract of every context that holds personal data, over real HTTP and PostgreSQL:
 * two people register for one recorded webinar (answer, consents), confirm, enter (attendee session)
 * and get mail. The export of one holds each of their items and nothing of the other; erasing one
 * returns counts that match, leaves the other's export exactly as it was, and afterwards no covered
 * column holds the erased address, name or answer.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class PersonalDataHoldersTest {

    /** The categories this test seeds for both people (the others are checked for not mixing them up). */
    private static final Set<String> SEEDED = Set.of("registrations", "registration-answers", "consent-records", "attendee-sessions", "mails");


    private static final String TENANT = "acme";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @Any
    Instance<PersonalDataHolder> holders;

    @Inject
    Registrations registrations;

    @Test
    void exportHoldsEachItemOfOnePersonAndErasureLeavesNothingOfThemAndTheOtherIntact() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        PersonalDataProbes seeds = new PersonalDataProbes(dataSource);
        String webinarId = PersonSeed.webinarWithOneTextQuestion("Personal data " + run);
        UUID question = PersonSeed.questionOf(dataSource, webinarId);
        Person anna = PersonSeed.seated(dataSource, webinarId, question, "Anna Quellwasser" + run, "anna." + run + "@pd.example", "Quellwerk " + run);
        Person bert = PersonSeed.seated(dataSource, webinarId, question, "Bert Steinbruch" + run, "bert." + run + "@pd.example", "Steinwerk " + run);
        PersonSeed.awaitOutboxSettled(dataSource, anna.email(), bert.email());

        // Compliance builds the subject from the address as an officer types it.
        DataSubject annaSubject = new DataSubject(TENANT, anna.email(), registrations.idsOf(TENANT, "  " + anna.email().toUpperCase() + " "));
        assertEquals(Set.of(anna.registrationId()), annaSubject.registrationIds());
        DataSubject bertSubject = new DataSubject(TENANT, bert.email(), registrations.idsOf(TENANT, bert.email()));

        Map<String, List<Map<String, Object>>> export = exportOf(annaSubject);
        assertEquals(Set.of("registrations", "registration-answers", "consent-records", "attendee-sessions", "mails", "attendance",
                "webhook-deliveries", "live-events", "questions", "question-upvotes", "poll-votes", "raised-hands", "recordings",
                "erasure-requests", "subject-requests"),
                export.keySet(), "every category is there (a new holder is added here on purpose)");

        Map<String, Object> registration = only(export.get("registrations"));
        assertEquals(anna.registrationId().toString(), registration.get("id"));
        assertEquals(webinarId, registration.get("webinarId"));
        assertEquals(anna.name(), registration.get("name"));
        assertEquals(anna.email(), registration.get("email"));
        assertEquals("REGISTERED", registration.get("status"));
        assertEquals("active", registration.get("joinLink"));
        assertTrue(registration.get("createdAt") instanceof String created && created.endsWith("Z"), registration.toString());

        Map<String, Object> answer = only(export.get("registration-answers"));
        assertEquals(anna.answer(), answer.get("answer"));
        assertEquals("Your company", answer.get("question"));

        List<Map<String, Object>> consents = export.get("consent-records");
        assertEquals(seeds.count("SELECT count(*) FROM consent_record WHERE subject_id = ?", anna.registrationId()), consents.size());
        assertTrue(consents.stream().map(item -> item.get("kind")).toList().containsAll(
                List.of("PRIVACY_NOTICE", "RECORDING_CONSENT", "RECORDING_NOTICE_SHOWN")), consents.toString());

        Map<String, Object> session = only(export.get("attendee-sessions"));
        assertEquals(seeds.uuid("SELECT id FROM attendee_session WHERE registration_id = ?", anna.registrationId()).toString(),
                session.get("id"));
        assertEquals(null, session.get("endedAt"));

        List<Map<String, Object>> mails = export.get("mails");
        assertEquals(seeds.count("SELECT count(*) FROM mail_outbox WHERE recipient = ?", anna.email()), mails.size());
        assertTrue(mails.size() >= 2, "confirmation and seat mails: " + mails);
        for (Map<String, Object> mail : mails) {
            assertEquals(anna.email(), mail.get("recipient"));
            assertFalse(String.valueOf(mail.get("body")).contains("[[plenum-link"), "a link placeholder in the export");
        }
        assertTrue(mails.stream().anyMatch(mail -> String.valueOf(mail.get("body")).contains("[personal link]")), mails.toString());

        String everything = export.toString();
        // Link versions are inputs of the HMAC-derived links; token hashes identify cookies: neither is exported.
        export.values().stream().flatMap(List::stream).flatMap(item -> item.keySet().stream()).forEach(field -> assertFalse(
                field.matches("(?i).*(token|hash|joinversion|confirmversion).*"), "exported field " + field));
        for (String ofBert : List.of(bert.name(), bert.email(), bert.answer(), bert.registrationId().toString())) {
            assertFalse(everything.contains(ofBert), "Anna's export holds Bert's " + ofBert);
        }

        Map<String, List<Map<String, Object>>> bertBefore = exportOf(bertSubject);
        for (String seeded : SEEDED) {
            assertFalse(bertBefore.get(seeded).isEmpty(), "Bert has no " + seeded);
        }

        assertThrows(TransactionalException.class, () -> holders.stream().filter(holder -> holder.category().equals("registrations")).findFirst().orElseThrow().erase(annaSubject),
                "erasure outside the caller's transaction");
        Map<String, Integer> erased = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Integer> counts = new TreeMap<>();
            holders.forEach(holder -> counts.put(holder.category(), holder.erase(annaSubject)));
            return counts;
        });
        Map<String, Integer> expected = new TreeMap<>();
        export.forEach((category, items) -> expected.put(category, items.size())); // what this seed did not make: as exported
        expected.putAll(Map.of("registrations", 1, "registration-answers", 1, "consent-records", consents.size(),
                "attendee-sessions", 1, "mails", mails.size()));
        assertEquals(expected, erased);

        assertEquals(Set.of(), registrations.idsOf(TENANT, anna.email()), "the address still finds a registration");
        for (String ofAnna : List.of(anna.name(), anna.email(), anna.answer())) {
            assertEquals(List.of(), seeds.coveredColumnsHolding(holders, ofAnna), "still holding " + ofAnna);
        }
        Map<String, List<Map<String, Object>>> after = exportOf(annaSubject);
        assertEquals("erased", only(after.get("registrations")).get("name"), "the registration stays as an anonymous tombstone");
        assertEquals("none", only(after.get("registrations")).get("joinLink"));
        after.forEach((category, items) -> assertTrue(category.equals("registrations") || items.isEmpty(), category + ": " + items));
        given().get("/join/" + anna.joinToken()).then().statusCode(404);

        assertEquals(bertBefore, exportOf(bertSubject), "erasing Anna changed Bert's data");
        Map<String, Integer> again = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Integer> counts = new TreeMap<>();
            holders.forEach(holder -> counts.put(holder.category(), holder.erase(annaSubject)));
            return counts;
        });
        assertTrue(again.values().stream().allMatch(touched -> touched == 0), "a second erasure touched " + again);
    }

    private Map<String, List<Map<String, Object>>> exportOf(DataSubject subject) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, List<Map<String, Object>>> export = new TreeMap<>();
            holders.forEach(holder -> export.put(holder.category(), holder.export(subject)));
            return export;
        });
    }

    private static Map<String, Object> only(List<Map<String, Object>> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
