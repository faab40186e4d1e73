package eu.plenum.audience;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.media.SessionEnded;
import eu.plenum.media.SessionWentLive;
import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.WebhookReceiver;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Attendance over real HTTP streams and PostgreSQL: an attendee page's open event stream is a presence,
 * closed when the stream closes; a presence whose node died is closed at its last heartbeat; the
 * report merges two devices and reconnects, clips to the live window, counts per attendee, is the
 * tenant's hosts' only (another tenant: 404), exports formula-safe CSV, and a session's final
 * attendance reaches a webhook receiver as attendance.ready.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class AttendanceReportTest {

    private static final String EVIL = "=HYPERLINK(\"http://evil.example\")";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AttendancePresence presence;
    @Inject
    AttendancePersonalData personalData;
    @Inject
    Event<SessionWentLive> wentLive;
    @Inject
    Event<SessionEnded> ended;

    @TestHTTPResource("/")
    URL base;

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static String enter(String joinToken, String webinarId) {
        return given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").post("/join/" + joinToken + "/enter")
                .then().statusCode(303).extract().cookie("plenum_attendee_" + webinarId);
    }

    /** Open presences (and closed ones) of a registration: {connected, last seen, disconnected}. */
    private List<Timestamp[]> presencesOf(String registrationId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT connected_at, last_seen_at, disconnected_at FROM attendance_presence WHERE registration_id = ? ORDER BY connected_at")) {
            query.setObject(1, UUID.fromString(registrationId));
            List<Timestamp[]> rows = new java.util.ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Timestamp[] {result.getTimestamp(1), result.getTimestamp(2), result.getTimestamp(3)});
                }
            }
            return rows;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anOpenEventStreamIsAPresenceUntilItClosesAndADeadNodesPresenceEndsAtItsLastHeartbeat() throws Exception {
        String webinar = Attendees.recordedWebinar("Presence " + System.nanoTime());
        String email = "present" + System.nanoTime() + "@attendance.example";
        String cookie = enter(Attendees.joinToken(webinar, "Paula Present", email), webinar);
        String registration = Attendees.registrationId(webinar, email);

        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve("/attend/" + webinar + "/events"))
                .header("Accept", "text/event-stream").header("Cookie", "plenum_attendee_" + webinar + "=" + cookie).build();
        HttpResponse<InputStream> stream = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        String line;
        while ((line = events.readLine()) != null && !line.startsWith("data:")) {
            // the first stage signal
        }
        assertNotNull(line, "the stream ended before its first event");
        assertEquals(1, presencesOf(registration).size());
        assertNull(presencesOf(registration).get(0)[2], "open while the stream is");
        Thread.sleep(1_100);
        presence.heartbeat();
        Timestamp[] renewed = presencesOf(registration).get(0);
        assertTrue(renewed[1].after(renewed[0]), "the heartbeat renews an open stream's presence");
        assertNull(renewed[2]);

        stream.body().close(); // the attendee closes the page
        client.shutdownNow();
        await("the presence to close", () -> presencesOf(registration).get(0)[2] != null);

        // A node that died left a presence open: any node closes it at its last heartbeat.
        Instant lastSeen = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String session = Attendees.firstSession(webinar);
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO attendance_presence (id, tenant_id, webinar_id, session_id, registration_id, attendee_session_id, node_id,
                                                 connected_at, last_seen_at)
                VALUES (gen_random_uuid(), 'acme', ?, ?, ?, gen_random_uuid(), 'a-node-that-died', ?, ?)""")) {
            insert.setObject(1, UUID.fromString(webinar));
            insert.setObject(2, UUID.fromString(session));
            insert.setObject(3, UUID.fromString(registration));
            insert.setTimestamp(4, Timestamp.from(lastSeen.minus(20, ChronoUnit.MINUTES)));
            insert.setTimestamp(5, Timestamp.from(lastSeen));
            insert.executeUpdate();
        }
        presence.heartbeat();
        Timestamp[] orphan = presencesOf(registration).get(0);
        assertEquals(Timestamp.from(lastSeen), orphan[2], "closed at its last heartbeat");
    }

    @Test
    void theReportMergesDevicesAndReconnectsWithinTheLiveWindowAndOnlyItsTenantSeesIt() throws Exception {
        String webinar = Attendees.recordedWebinar("Attended " + System.nanoTime());
        String suffix = System.nanoTime() + "@attendance.example";
        Attendees.joinToken(webinar, "Anna Two-Devices", "anna" + suffix);
        Attendees.joinToken(webinar, "Bert Away", "bert" + suffix);
        Attendees.joinToken(webinar, EVIL, "evil" + suffix);
        Attendees.joinToken(webinar, "Nora Nowhere", "nora" + suffix);
        String anna = Attendees.registrationId(webinar, "anna" + suffix);
        String bert = Attendees.registrationId(webinar, "bert" + suffix);
        String evil = Attendees.registrationId(webinar, "evil" + suffix);
        String session = Attendees.firstSession(webinar);
        Instant t0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        UUID laptop = UUID.randomUUID();
        UUID phone = UUID.randomUUID();
        // Anna: waits in the lobby 10 min, laptop until 10:00, reconnects 30 s later until 20:00, phone 15:00–30:00.
        presence(webinar, session, anna, laptop, t0.minusSeconds(600), t0.plusSeconds(600));
        presence(webinar, session, anna, laptop, t0.plusSeconds(630), t0.plusSeconds(1200));
        presence(webinar, session, anna, phone, t0.plusSeconds(900), t0.plusSeconds(1800));
        // Bert: 5–10 min, then away for half an hour, 40–45 min.
        presence(webinar, session, bert, UUID.randomUUID(), t0.plusSeconds(300), t0.plusSeconds(600));
        presence(webinar, session, bert, UUID.randomUUID(), t0.plusSeconds(2400), t0.plusSeconds(2700));
        presence(webinar, session, evil, UUID.randomUUID(), t0.plusSeconds(60), t0.plusSeconds(180));
        // Anna asked two questions in the live room (liveroom's table; the report counts them per registration).
        question(session, anna, laptop, "Anna Two-Devices", t0.plusSeconds(700));
        question(session, anna, phone, "Anna Two-Devices", t0.plusSeconds(1000));

        WebhookReceiver receiver = WebhookReceiver.start();
        String endpoint = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/attendance"), "regionCode", "eu-fra", "events", List.of("attendance.ready")))
                .post("/api/webhooks").then().statusCode(201).extract().path("id");
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                wentLive.fire(new SessionWentLive("acme", UUID.fromString(webinar), UUID.fromString(session), UUID.randomUUID(), t0));
                ended.fire(new SessionEnded("acme", UUID.fromString(webinar), UUID.fromString(session), UUID.randomUUID(), "HOST_ENDED",
                        t0.plusSeconds(3600)));
            });
            await("attendance.ready", () -> receiver.deliveries().stream().anyMatch(d -> d.body().contains(session)));
            WebhookReceiver.Delivery ready = receiver.deliveries().stream().filter(d -> d.body().contains(session)).findFirst().orElseThrow();
            assertEquals("attendance.ready", ready.headers().get("Plenum-Event").get(0));
            assertTrue(ready.body().contains("\"attendees\":3"), ready.body());
            assertFalse(ready.body().contains("@"), "attendance.ready named a person: " + ready.body());
        } finally {
            given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).delete("/api/webhooks/" + endpoint);
            receiver.close();
        }

        String path = "/api/webinars/" + webinar + "/sessions/" + session + "/attendance";
        Response report = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get(path);
        report.then().statusCode(200)
                .body("complete", equalTo(true))
                .body("funnel.registrations", equalTo(4)).body("funnel.seats", equalTo(4)).body("funnel.attended", equalTo(3))
                .body("attendees.size()", equalTo(3));
        Map<String, Object> annaRow = attendee(report, anna);
        assertEquals(30, annaRow.get("minutesAttended"), "two devices and a reconnect, lobby time cut off: " + annaRow);
        assertEquals(2, annaRow.get("devices"));
        assertEquals(t0.toString(), Instant.parse((String) annaRow.get("firstJoin")).toString());
        assertEquals(t0.plusSeconds(1800), Instant.parse((String) annaRow.get("lastLeave")));
        assertEquals("anna" + suffix, annaRow.get("email"));
        Map<String, Object> bertRow = attendee(report, bert);
        assertEquals(10, bertRow.get("minutesAttended"), "half an hour away is not bridged: " + bertRow);
        assertEquals(t0.plusSeconds(2700), Instant.parse((String) bertRow.get("lastLeave")));
        assertEquals(2, annaRow.get("questionsAsked"), "questions from both devices count: " + annaRow);
        assertEquals(0, bertRow.get("questionsAsked"), "asked nothing: zero, known from the live room");
        assertEquals(0, bertRow.get("pollsAnswered"));
        List<Integer> concurrent = report.path("concurrent");
        assertEquals(61, concurrent.size(), "one point a minute over the live hour");
        assertEquals(2, concurrent.get(2), "Anna and the evil name at 2 min");
        assertEquals(1, concurrent.get(16), "Anna on two devices counts once; Bert is away at 16 min");
        assertEquals(1, concurrent.get(42), "only Bert at 42 min");
        assertEquals(0, concurrent.get(50));

        String csv = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get(path + "/attendance.csv")
                .then().statusCode(200).header("Content-Disposition", containsString("attachment")).extract().asString();
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\""), csv);
        assertFalse(csv.contains("\"=HYPERLINK"), "formula-safe: " + csv);
        assertTrue(csv.contains("\"Anna Two-Devices\",\"anna" + suffix + "\""), csv);
        assertFalse(csv.contains("Nora"), "nobody who did not attend: " + csv);

        given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX)).get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX)).get(path + "/attendance.csv").then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST))
                .get("/api/webinars/" + webinar + "/sessions/" + UUID.randomUUID() + "/attendance").then().statusCode(404);
        given().get(path).then().statusCode(401);
        given().get("/webjars/chart.js/4.4.1/dist/chart.umd.js").then().statusCode(200);

        // The per-person contract: found and erased by registration, within the tenant only.
        var anne = new eu.plenum.shared.PersonalDataHolder.DataSubject("acme", "anna" + suffix, java.util.Set.of(UUID.fromString(anna)));
        assertEquals("attendance", personalData.category());
        assertEquals(3, personalData.export(anne).size());
        assertEquals(session, personalData.export(anne).get(0).get("sessionId"));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> personalData.erase(
                new eu.plenum.shared.PersonalDataHolder.DataSubject("globex", "anna" + suffix, java.util.Set.of(UUID.fromString(anna))))));
        assertEquals(3, QuarkusTransaction.requiringNew().call(() -> personalData.erase(anne)));
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get(path).then().statusCode(200).body("funnel.attended", equalTo(2));
    }

    private static Map<String, Object> attendee(Response report, String registrationId) {
        List<Map<String, Object>> attendees = report.path("attendees");
        return attendees.stream().filter(a -> registrationId.equals(a.get("registrationId"))).findFirst()
                .orElseThrow(() -> new AssertionError("not in the report: " + registrationId + " " + attendees));
    }

    private void question(String session, String registration, UUID device, String name, Instant at) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO live_question (id, session_id, tenant_id, author_participant, author_registration, author_name, anonymous,
                                           text, status, asked_at)
                VALUES (gen_random_uuid(), ?, 'acme', ?, ?, ?, false, 'When are the slides shared?', 'OPEN', ?)""")) {
            insert.setObject(1, UUID.fromString(session));
            insert.setObject(2, device);
            insert.setObject(3, UUID.fromString(registration));
            insert.setString(4, name);
            insert.setTimestamp(5, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

        private void presence(String webinar, String session, String registration, UUID device, Instant from, Instant to) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO attendance_presence (id, tenant_id, webinar_id, session_id, registration_id, attendee_session_id, node_id,
                                                 connected_at, last_seen_at, disconnected_at)
                VALUES (gen_random_uuid(), 'acme', ?, ?, ?, ?, 'test', ?, ?, ?)""")) {
            insert.setObject(1, UUID.fromString(webinar));
            insert.setObject(2, UUID.fromString(session));
            insert.setObject(3, UUID.fromString(registration));
            insert.setObject(4, device);
            insert.setTimestamp(5, Timestamp.from(from));
            insert.setTimestamp(6, Timestamp.from(to));
            insert.setTimestamp(7, Timestamp.from(to));
            insert.executeUpdate();
        }
    }
}
