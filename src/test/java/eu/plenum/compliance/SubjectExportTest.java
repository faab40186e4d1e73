package eu.plenum.compliance;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.plenum.scheduling.Registrations;
import eu.plenum.shared.PersonalDataHolder;
import eu.plenum.shared.PersonalDataHolder.DataSubject;
import eu.plenum.shared.SubjectKeys;
import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.PersonSeed;
import eu.plenum.testsupport.PersonSeed.Person;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The Art. 15 export end to end over real HTTP, Keycloak, PostgreSQL and the export job: a person
 * seeded in every context the public surface reaches (plus chat messages), an officer's request,
 * progress to done, and a ZIP that holds every category field by field, the audit entries about the
 * person and a summary with every Art. 15(1) item — and nothing of the other attendee.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class SubjectExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "acme";
    /** Categories this test gives the person items in. */
    private static final Set<String> SEEDED = Set.of("registrations", "registration-answers", "consent-records",
            "attendee-sessions", "mails", "live-events", "subject-requests", "audit-entries");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @Any
    Instance<PersonalDataHolder> holders;

    @Inject
    Registrations registrations;

    @Inject
    SubjectKeys keys;

    @Inject
    eu.plenum.compliance.export.ExportSweep sweep;

    @Test
    void exportZipHoldsEveryCategoryFieldByFieldAndTheSummaryEveryArticle15Item() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String webinarId = PersonSeed.webinarWithOneTextQuestion("Export " + run);
        UUID question = PersonSeed.questionOf(dataSource, webinarId);
        Person cora = PersonSeed.seated(dataSource, webinarId, question, "Cora Exportfeld" + run, "cora." + run + "@ex.example",
                "Coraworks " + run);
        Person dirk = PersonSeed.seated(dataSource, webinarId, question, "Dirk Anderswo" + run, "dirk." + run + "@ex.example",
                "Dirkworks " + run);
        List<String> chat = List.of("Hello from Cora " + run, "A second line, with \"quotes\", " + run, "=1+1 " + run);
        chatMessages(webinarId, cora.registrationId(), chat);
        chatMessages(webinarId, dirk.registrationId(), List.of("Dirk says hi " + run));
        PersonSeed.awaitOutboxSettled(dataSource, cora.email(), dirk.email());

        String officer = Tokens.accessToken("dpo-acme");
        String id = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("tenantId", TENANT, "email", "  " + cora.email().toUpperCase() + " ", "kind", "access"))
                .post("/api/compliance/requests").then().statusCode(201).extract().path("id");
        Map<String, Object> done = awaitExported(officer, id);
        int total = holders.stream().toList().size() + 2;
        assertEquals(total, done.get("categoriesTotal"), done.toString());
        assertEquals(total, done.get("categoriesDone"), done.toString());
        assertEquals("OFFICER", done.get("source"));
        assertEquals(cora.email(), done.get("email"), "the queue keeps the address normalised");

        byte[] zip = given().auth().oauth2(officer).get("/api/compliance/exports/" + id + "/download")
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
        Map<String, String> files = unzip(zip);

        DataSubject subject = new DataSubject(TENANT, cora.email(), registrations.idsOf(TENANT, cora.email()));
        Map<String, List<Map<String, Object>>> expected = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, List<Map<String, Object>>> export = new TreeMap<>();
            holders.forEach(holder -> export.put(holder.category(), holder.export(subject)));
            return export;
        });
        for (Map.Entry<String, List<Map<String, Object>>> category : expected.entrySet()) {
            String name = category.getKey();
            List<Map<String, Object>> want = normalised(category.getValue());
            if (name.equals("subject-requests")) {
                // the request moved on (EXPORTING → EXPORTED) since the job read it
                want.forEach(item -> { item.remove("state"); item.remove("completedAt"); });
            }
            List<Map<String, Object>> got = JSON.readValue(files.get(name + ".json"), new TypeReference<>() { });
            if (name.equals("subject-requests")) {
                got.forEach(item -> { item.remove("state"); item.remove("completedAt"); });
            }
            assertEquals(want.size(), got.size(), name);
            for (int i = 0; i < want.size(); i++) {
                for (String field : want.get(i).keySet()) {
                    assertEquals(want.get(i).get(field), got.get(i).get(field), name + "[" + i + "]." + field);
                }
                assertEquals(want.get(i).keySet(), got.get(i).keySet(), name + "[" + i + "] fields");
            }
            List<String> csv = csvRecords(files.get(name + ".csv"));
            assertEquals(want.isEmpty() ? 1 : want.size() + 1, csv.size(), name + ".csv: " + csv);
            if (!want.isEmpty()) {
                assertEquals(String.join(",", category.getValue().get(0).keySet().stream().map(field -> "\"" + field + "\"").toList()), csv.get(0),
                        name + ".csv header");
            }
        }
        Map<String, List<Map<String, Object>>> zipped = new TreeMap<>();
        for (String file : files.keySet()) {
            if (file.endsWith(".json")) {
                zipped.put(file.substring(0, file.length() - 5), JSON.readValue(files.get(file), new TypeReference<>() { }));
            }
        }
        for (String seeded : SEEDED) {
            assertFalse(zipped.get(seeded).isEmpty(), "no " + seeded + " in the export");
        }
        Map<String, Object> registration = zipped.get("registrations").get(0);
        assertEquals(cora.name(), registration.get("name"));
        assertEquals(cora.email(), registration.get("email"));
        assertEquals(cora.answer(), zipped.get("registration-answers").get(0).get("answer"));
        List<String> payloads = zipped.get("live-events").stream().map(item -> String.valueOf(item.get("payload"))).toList();
        for (String message : chat) {
            String encoded = JSON.writeValueAsString(message).replaceAll("^\"|\"$", "");
            assertTrue(payloads.stream().anyMatch(payload -> payload.contains(encoded)), message + " in " + payloads);
        }
        assertTrue(files.get("live-events.csv").contains("Hello from Cora " + run), "chat text in the CSV");
        List<Map<String, Object>> audit = zipped.get("audit-entries");
        assertTrue(audit.stream().anyMatch(entry -> "export.requested".equals(entry.get("action"))), audit.toString());
        audit.forEach(entry -> assertTrue(Set.of("staff").contains(entry.get("by")) || String.valueOf(entry.get("by")).startsWith("system:"),
                "staff account ids stay out of the export: " + entry));

        String everything = new String(zip, StandardCharsets.ISO_8859_1) + files;
        for (String ofDirk : List.of(dirk.name(), dirk.email(), dirk.answer(), dirk.registrationId().toString(), "Dirk says hi " + run)) {
            assertFalse(files.toString().contains(ofDirk), "Cora's export holds Dirk's " + ofDirk);
        }
        assertFalse(everything.contains(keys.of(TENANT, cora.email())), "the subject key is in the export");

        String summary = files.get("summary.html");
        for (String item : List.of("id=\"purposes\"", "id=\"recipients\"", "id=\"retention\"", "id=\"transfers\"", "id=\"rights\"",
                "Source", "Legal basis", "Rectification", "Erasure", "Restriction", "Objection", "supervisory authority",
                "automated decision-making", "until the oldest backup that holds it expires; erasures are re-applied on restore",
                "eu-fra", "90 days after the session", "7 days", "1 year", "2 years", "ACME Academy")) {
            assertTrue(summary.contains(item), "summary.html lacks " + item);
        }
        for (String category : expected.keySet()) {
            assertTrue(summary.contains("data-category=\"" + category + "\""), "summary.html lacks the category " + category);
        }
        assertFalse(summary.contains(cora.email()), "the summary repeats no personal data");

        String key = keys.of(TENANT, cora.email());
        for (String action : List.of("export.requested", "export.completed", "export.downloaded")) {
            assertEquals(1, PersonSeed.count(dataSource,
                    "SELECT count(*) FROM compliance_audit_entry WHERE action = ? AND subject_key = ? AND target = ?",
                    action, key, "export:" + id), action);
        }
        Path file = Path.of("target/test-exports", id + ".zip");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));

        // Past its keeping time the sweep deletes the ZIP and the request forgets the address.
        try (Connection connection = dataSource.getConnection(); PreparedStatement expire = connection.prepareStatement(
                "UPDATE compliance_subject_request SET export_expires_at = now() - interval '1 second' WHERE id = ?")) {
            expire.setObject(1, UUID.fromString(id));
            assertEquals(1, expire.executeUpdate());
        }
        assertTrue(sweep.sweep() >= 1);
        assertFalse(Files.exists(file), "the expired ZIP is still there");
        given().auth().oauth2(officer).get("/api/compliance/exports/" + id).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("CLOSED")).body("email", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(officer).get("/api/compliance/exports/" + id + "/download").then().statusCode(404);
        assertEquals(0L, PersonSeed.count(dataSource, "SELECT count(*) FROM compliance_subject_request WHERE email = ?", cora.email()));
    }

    private Map<String, Object> awaitExported(String officer, String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        Map<String, Object> status = Map.of();
        while (Instant.now().isBefore(deadline)) {
            status = given().auth().oauth2(officer).get("/api/compliance/exports/" + id).then().statusCode(200).extract().as(Map.class);
            if ("EXPORTED".equals(status.get("state"))) {
                return status;
            }
            assertFalse("FAILED".equals(status.get("state")), status.toString());
            Thread.sleep(300);
        }
        throw new AssertionError("export not done within 3 minutes: " + status);
    }

    /** Chat messages as the live room stores them (author = the registration), after the session's existing events. */
    private void chatMessages(String webinarId, UUID registrationId, List<String> texts) throws Exception {
        UUID session = UUID.fromString(Attendees.firstSession(webinarId));
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO live_event (session_id, id, tenant_id, type, audience, actor_registration, payload, created_at)
                VALUES (?, (SELECT coalesce(max(id), 0) + 1000 FROM live_event WHERE session_id = ?), ?, 'chat.message', 'EVERYONE',
                        ?, jsonb_build_object('text', ?::text), now())""")) {
            for (String text : texts) {
                insert.setObject(1, session);
                insert.setObject(2, session);
                insert.setString(3, TENANT);
                insert.setObject(4, registrationId);
                insert.setString(5, text);
                insert.executeUpdate();
            }
        }
    }

    /** The holder's items as JSON would carry them (numbers, strings, booleans, nulls). */
    private static List<Map<String, Object>> normalised(List<Map<String, Object>> items) throws Exception {
        return new ArrayList<>(JSON.readValue(JSON.writeValueAsBytes(items), new TypeReference<List<Map<String, Object>>>() { }));
    }

    static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** CSV records (a quoted value may hold line breaks), each as its raw text. */
    private static List<String> csvRecords(String csv) {
        List<String> records = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                records.add(current.toString());
                current.setLength(0);
                i++;
                continue;
            }
            current.append(c);
        }
        if (!current.isEmpty()) {
            records.add(current.toString());
        }
        return records;
    }
}
