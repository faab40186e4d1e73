package eu.plenum.compliance;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PersonSeed;
import eu.plenum.testsupport.PersonSeed.Person;
import eu.plenum.scheduling.Registrations;
import eu.plenum.shared.PersonalDataHolder;
import eu.plenum.shared.PersonalDataHolder.DataSubject;
import eu.plenum.shared.SubjectKeys;
import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.LiveClient;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.ProjectPaths;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.WhipPublishers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Erasure end to end, over real HTTP, Keycloak, PostgreSQL, Chromium and GStreamer: a person (the
 * host's address, so that they also publish) registers with an answer and consents, enters, gets mail,
 * chats and asks a question, and publishes through WHIP into the session's recorded room, whose file
 * the copy job copies to the backup site; another attendee of the same webinar does the same but
 * publishes nothing. Erasing the person leaves the address, name, answer and texts in no column of
 * the schema and in no file of the recording storage (home and backup), the receipt lists every
 * category and every file with its SHA-256, and the other attendee's data is exactly as before.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class ErasureTest {

    private static final String APP = "http://localhost:8081";
    private static final String TENANT = "acme";
    /** The sample host's address in the bundled realm: the person publishes with the host's token. */
    private static final String PUBLISHER = "host@acme.localhost";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SubjectKeys keys;

    @Inject
    Registrations registrations;

    @Inject
    @Any
    Instance<PersonalDataHolder> holders;

    @Test
    void erasureReachesEveryColumnEveryRecordingFileAndTheBackupAndLeavesTheOtherAttendeeAsTheyWere() throws Exception {
        PersonalDataProbes seeds = new PersonalDataProbes(dataSource);
        String run = Long.toString(System.nanoTime(), 36);
        String webinarId = PersonSeed.webinarWithOneTextQuestion("Erasure " + run);
        String sessionId = Attendees.firstSession(webinarId);
        UUID question = PersonSeed.questionOf(dataSource, webinarId);
        Person hanna = PersonSeed.seated(dataSource, webinarId, question, "Hanna Erasmus" + run, PUBLISHER, "Loeschwerk " + run);
        Person bert = PersonSeed.seated(dataSource, webinarId, question, "Bert Bleibtreu" + run, "bert." + run + "@erasure.example", "Bleibwerk " + run);
        String hannaChat = "Hallo von Hanna " + run;
        talk(webinarId, sessionId, hanna, hannaChat, "Frage von Hanna " + run);
        talk(webinarId, sessionId, bert, "Hallo von Bert " + run, "Frage von Bert " + run);
        String roomId = recordOneWhipPublisher(webinarId, sessionId);
        List<Recorded> recorded = awaitRecordedAndCopied(roomId);
        PersonSeed.awaitOutboxSettled(dataSource, hanna.email(), bert.email());
        String subjectKey = keys.of(TENANT, PUBLISHER);
        assertEquals(subjectKey, seeds.text("SELECT subject_key FROM room_publisher WHERE room_id = ? LIMIT 1", UUID.fromString(roomId)),
                "the publisher is known by the keyed hash of the host's address");

        DataSubject bertSubject = new DataSubject(TENANT, bert.email(), registrations.idsOf(TENANT, bert.email()));
        Map<String, List<Map<String, Object>>> bertBefore = exportOf(bertSubject);
        DataSubject hannaSubject = new DataSubject(TENANT, PUBLISHER, registrations.idsOf(TENANT, PUBLISHER));
        Map<String, List<Map<String, Object>>> hannaBefore = exportOf(hannaSubject);
        assertEquals(recorded.size(), hannaBefore.get("recordings").size(), hannaBefore.get("recordings").toString());
        assertFalse(hannaBefore.get("live-events").isEmpty());
        assertFalse(hannaBefore.get("questions").isEmpty());

        Map<String, Object> body = Map.of("tenantId", TENANT, "email", " " + PUBLISHER.toUpperCase() + " ");
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON).body(body)
                .post("/api/compliance/erasures").then().statusCode(403);
        given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("tenantId", TENANT, "email", "not an address")).post("/api/compliance/erasures")
                .then().statusCode(400).contentType(PROBLEM);
        String id = given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).contentType(ContentType.JSON).body(body)
                .post("/api/compliance/erasures").then().statusCode(202).extract().path("id");
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/compliance/erasures/" + id).then().statusCode(403);
        JsonPath receipt = awaitCompleted(id);

        // The receipt: what, where, when, by whom, checksums; no erased data.
        assertEquals(subjectKey, receipt.getString("subject"));
        assertEquals(TENANT, receipt.getString("tenantId"));
        assertNotNull(receipt.getString("databaseErasedAt"));
        assertNotNull(receipt.getString("completedAt"));
        assertFalse(receipt.getString("requestedBy").contains("@"), receipt.getString("requestedBy"));
        Map<String, Integer> counts = new TreeMap<>();
        for (Map<String, Object> line : receipt.<Map<String, Object>>getList("categories")) {
            counts.put((String) line.get("category"), (Integer) line.get("items"));
            assertTrue(((String) line.get("location")).startsWith("database"), line.toString());
        }
        assertEquals(new TreeSet<>(hannaBefore.keySet()), counts.keySet(), "every category is on the receipt");
        for (String category : List.of("registrations", "registration-answers", "consent-records", "attendee-sessions", "mails",
                "questions", "recordings")) {
            assertEquals(hannaBefore.get(category).size(), counts.get(category), category);
        }
        assertTrue(counts.get("live-events") >= 2, counts.toString());
        List<Map<String, Object>> files = receipt.getList("files");
        for (Recorded file : recorded) {
            Map<String, Object> home = fileLine(files, file.id(), false);
            Map<String, Object> backup = fileLine(files, file.id(), true);
            assertEquals("DELETED", home.get("outcome"));
            assertEquals(file.sha256(), home.get("sha256"), "the SHA-256 of the deleted home file");
            assertEquals("DELETED", backup.get("outcome"));
            assertEquals(file.sha256(), backup.get("sha256"), "the SHA-256 of the deleted backup copy");
            assertEquals("recordings-fra-backup", backup.get("place"));
            assertFalse(Files.exists(file.home()), file.home() + " still exists");
            assertFalse(Files.exists(file.backup()), file.backup() + " still exists");
            assertFalse(Files.exists(Path.of(file.backup() + ".growing")));
        }
        String receiptText = receipt.prettify();
        for (String erased : List.of(PUBLISHER, hanna.name(), hanna.answer(), hannaChat)) {
            assertFalse(receiptText.toLowerCase().contains(erased.toLowerCase()), "the receipt holds " + erased);
        }
        List<String> lists = receipt.getList("erasedSubjectLists");
        assertTrue(lists.size() >= 2, "a list in the home and the backup storage: " + lists);
        for (String list : lists) {
            String text = Files.readString(Path.of(list));
            assertTrue(text.contains(" " + TENANT + " " + subjectKey + " " + id + " "), list + ": " + text);
            assertFalse(text.toLowerCase().contains(PUBLISHER), list);
        }

        // Nothing of the person anywhere: every text column, every stored recording file.
        for (String erased : List.of(PUBLISHER, hanna.name(), hanna.answer(), hannaChat, "Frage von Hanna " + run)) {
            assertEquals(List.of(), seeds.textColumnsHolding(erased), "columns still holding " + erased);
            assertEquals(List.of(), storageFilesHolding(erased), "recording storage still holding " + erased);
        }
        assertEquals(Set.of(), registrations.idsOf(TENANT, PUBLISHER));
        for (Recorded file : recorded) {
            given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/recordings/" + file.id() + "/media")
                    .then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        }
        assertEquals(1, auditEntries("erasure.requested", subjectKey, "erasure:" + id));
        assertEquals(1, auditEntries("erasure.completed", subjectKey, "erasure:" + id));

        assertEquals(bertBefore, exportOf(bertSubject), "erasing Hanna changed Bert's data");
        assertTrue(seeds.count("SELECT count(*) FROM live_event WHERE actor_registration = ?", bert.registrationId()) >= 2);
        exportOf(hannaSubject).forEach((category, items) -> assertTrue(category.equals("registrations") || items.isEmpty(),
                category + ": " + items));
    }

    @Test
    void aTenantThatChoseReviewKeepsTheRecordingsOfAnErasedPublisherUnpublishedAndFlagged() throws Exception {
        String admin = Tokens.accessToken(Tokens.ADMIN);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("recordings", "REVIEW"))
                .put("/api/compliance/erasures/recording-policy/" + TENANT).then().statusCode(200);
        try {
            String webinarId = PersonSeed.webinarWithOneTextQuestion("Erasure review " + Long.toString(System.nanoTime(), 36));
            String roomId = recordOneWhipPublisher(webinarId, Attendees.firstSession(webinarId));
            List<Recorded> recorded = awaitRecordedAndCopied(roomId);
            String id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("tenantId", TENANT, "email", PUBLISHER))
                    .post("/api/compliance/erasures").then().statusCode(202).extract().path("id");
            JsonPath receipt = awaitCompleted(id);
            List<Map<String, Object>> files = receipt.getList("files");
            PersonalDataProbes seeds = new PersonalDataProbes(dataSource);
            for (Recorded file : recorded) {
                assertEquals("FLAGGED_FOR_REVIEW", fileLine(files, file.id(), false).get("outcome"), files.toString());
                assertTrue(Files.isRegularFile(file.home()), "a recording under review is kept");
                assertEquals(0, seeds.count("SELECT count(*) FROM recording WHERE id = ? AND (published_at IS NOT NULL "
                        + "OR erasure_review_since IS NULL OR status = 'ERASED')", file.id()));
                given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).put("/api/recordings/" + file.id() + "/publication")
                        .then().statusCode(409).body("type", org.hamcrest.Matchers.containsString("recording-under-erasure-review"));
            }
            assertEquals(0, seeds.count("SELECT count(*) FROM room_publisher WHERE room_id = ? AND subject_key IS NOT NULL",
                    UUID.fromString(roomId)), "the publisher is no longer linked to the person");
        } finally {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("recordings", "DELETE"))
                    .put("/api/compliance/erasures/recording-policy/" + TENANT).then().statusCode(200);
        }
    }

    @Test
    void theTenantChoosesReviewForRecordingsOfErasedPublishersAndHostsMayNot() {
        String admin = Tokens.accessToken(Tokens.ADMIN);
        given().auth().oauth2(admin).get("/api/compliance/erasures/recording-policy/globex").then().statusCode(200)
                .body("recordings", org.hamcrest.Matchers.equalTo("DELETE"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("recordings", "REVIEW"))
                .put("/api/compliance/erasures/recording-policy/globex").then().statusCode(200);
        given().auth().oauth2(admin).get("/api/compliance/erasures/recording-policy/globex").then().statusCode(200)
                .body("recordings", org.hamcrest.Matchers.equalTo("REVIEW"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("recordings", "SOMETIMES"))
                .put("/api/compliance/erasures/recording-policy/globex").then().statusCode(400);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX)).get("/api/compliance/erasures/recording-policy/globex")
                .then().statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("recordings", "DELETE"))
                .put("/api/compliance/erasures/recording-policy/globex").then().statusCode(200);
        given().auth().oauth2(admin).get("/api/compliance/erasures/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    /** One recording file of the publisher: its id, catalogue SHA-256, home file and backup copy. */
    private record Recorded(UUID id, String sha256, Path home, Path backup) {
    }

    /** The attendee chats and asks a question over the live socket. */
    private static void talk(String webinarId, String sessionId, Person person, String chat, String questionText) {
        try (LiveClient client = LiveClient.open("/interact/sessions/" + sessionId, "Cookie",
                "plenum_attendee_" + webinarId + "=" + person.cookie().getValue(), "Origin", APP)) {
            client.awaitType("welcome");
            client.send(Map.of("type", "chat.send", "text", chat, "ref", "c1"));
            client.await(frame -> frame.path("type").asText().equals("ack") && frame.path("ref").asText().equals("c1"), "chat ack");
            client.send(Map.of("type", "question.ask", "text", questionText, "ref", "q1"));
            client.await(frame -> frame.path("type").asText().equals("ack") && frame.path("ref").asText().equals("q1"), "question ack");
        }
    }

    /** The host opens the session's room and publishes a few seconds of camera through WHIP with their own token. */
    private static String recordOneWhipPublisher(String webinarId, String sessionId) throws Exception {
        JsonPath opened = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                .post("/api/webinars/" + webinarId + "/sessions/" + sessionId + "/room").then().statusCode(201).extract().jsonPath();
        String roomId = opened.getString("room.id");
        try (Browser browser = Browser.launchWithFakeMedia()) {
            WhipPublishers publishers = new WhipPublishers(browser, APP + "/");
            Map<String, Object> camera = publishers.publish(opened.getString("room.whipUrl"), Tokens.accessToken(Tokens.HOST), 320, 240);
            assertEquals(201, ((Number) camera.get("status")).intValue(), camera.toString());
            Thread.sleep(4000); // media to record, not a timing assertion
            publishers.unpublish((String) camera.get("location"));
        }
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).post("/api/rooms/" + roomId + "/end").then().statusCode(200);
        return roomId;
    }

    /** Waits until every recording of the room is finished and each file with media has its verified backup copy. */
    private List<Recorded> awaitRecordedAndCopied(String roomId) throws Exception {
        for (int i = 0; i < 900; i++) {
            List<Recorded> recorded = new ArrayList<>();
            boolean settled = true;
            try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement("""
                    SELECT r.id, r.status, r.sha256, r.file_path, r.tenant_id,
                        (SELECT count(*) FROM recording_copy c WHERE c.recording_id = r.id AND c.backup AND c.status = 'VERIFIED')
                    FROM recording r WHERE r.room_id = ?""")) {
                statement.setObject(1, UUID.fromString(roomId));
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        String status = result.getString(2);
                        String sha = result.getString(3);
                        if (status.equals("RECORDING") || sha != null && result.getLong(6) == 0) {
                            settled = false;
                        }
                        if (sha != null) {
                            Path home = Path.of(result.getString(4));
                            Path backup = ProjectPaths.root().resolve("target/test-storage/eu-sxb-backup-of-fra").resolve(result.getString(5))
                                    .resolve(roomId).resolve(home.getFileName().toString());
                            recorded.add(new Recorded(result.getObject(1, UUID.class), sha, home, backup));
                        }
                    }
                }
            }
            if (settled && !recorded.isEmpty()) {
                for (Recorded file : recorded) {
                    assertTrue(Files.isRegularFile(file.backup()), "backup copy at " + file.backup());
                }
                return recorded;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the room's recording was not finished and copied to the backup within 3 minutes");
    }

    private static JsonPath awaitCompleted(String id) throws Exception {
        for (int i = 0; i < 900; i++) {
            JsonPath receipt = given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).get("/api/compliance/erasures/" + id)
                    .then().statusCode(200).extract().jsonPath();
            if (receipt.getString("state").equals("COMPLETED")) {
                return receipt;
            }
            assertFalse(receipt.getString("state").equals("FAILED"), receipt.prettify());
            Thread.sleep(200);
        }
        throw new AssertionError("the erasure did not complete within 3 minutes");
    }

    private static Map<String, Object> fileLine(List<Map<String, Object>> files, UUID recording, boolean backup) {
        List<Map<String, Object>> lines = files.stream().filter(line -> line.get("recordingId").equals(recording.toString())
                && line.get("backup").equals(backup)).toList();
        assertEquals(1, lines.size(), files.toString());
        return lines.get(0);
    }

    /** Every file under the tests' recording storage (home and backup sites) whose bytes contain {@code text}. */
    private static List<String> storageFilesHolding(String text) throws Exception {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        Path root = ProjectPaths.root().resolve("target/test-storage");
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                if (Files.size(file) < 200_000_000 && contains(Files.readAllBytes(file), needle)) {
                    found.add(file.toString());
                }
            }
        }
        return found;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private long auditEntries(String action, String subjectKey, String target) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM compliance_audit_entry WHERE action = ? AND subject_key = ? AND target = ?")) {
            statement.setString(1, action);
            statement.setString(2, subjectKey);
            statement.setString(3, target);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private Map<String, List<Map<String, Object>>> exportOf(DataSubject subject) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, List<Map<String, Object>>> export = new TreeMap<>();
            holders.forEach(holder -> export.put(holder.category(), holder.export(subject)));
            return export;
        });
    }
}
