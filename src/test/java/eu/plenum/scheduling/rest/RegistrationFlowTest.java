package eu.plenum.scheduling.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.Mailbox;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * Registration end to end with a real SMTP server: double opt-in link by mail, confirmation, the
 * personal join link and an invitation that an independent parser reads with the right times;
 * duplicates, bad input and 200 concurrent confirmations for 100 seats.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class RegistrationFlowTest {

    private static final Pattern CONFIRM = Pattern.compile("http://localhost:8081/r/confirm/([A-Za-z0-9_-]{43})");
    private static final Pattern JOIN = Pattern.compile("http://localhost:8081/join/([A-Za-z0-9_-]{43})");
    private static final int YEAR = LocalDate.now().getYear() + 1;

    @Inject
    AgroalDataSource dataSource;

    private static Mailbox mailbox() {
        return PlenumTestServers.mailbox();
    }

    private static String webinar(String title, int capacity) {
        Map<String, Object> body = WebinarResourceTest.webinar(title);
        body.put("capacity", capacity);
        body.put("registrationMode", "OPEN");
        body.put("questions", List.of(Map.of("kind", "SINGLE_CHOICE", "label", "Role", "required", false,
                "choices", List.of("Developer", "Manager"))));
        return WebinarResourceTest.create(Tokens.HOST, body);
    }

    private static Map<String, Object> registrant(String name, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "email", email, "privacyAcknowledged", true,
                "recordingConsent", true));
        return body;
    }

    private static String questionId(String webinarId, int index) {
        return given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/webinars/" + webinarId)
                .then().extract().path("questions[" + index + "].id");
    }

    private static void register(String webinarId, Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/public/webinars/" + webinarId + "/registrations")
                .then().statusCode(202).body("status", equalTo("CHECK_YOUR_INBOX"));
    }

    private static String confirm(String token) {
        return given().redirects().follow(false).when().post("/r/confirm/" + token)
                .then().extract().header("Location");
    }

    private long count(String sql, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void doubleOptInGivesAPersonalJoinLinkAndAnInvitation() throws Exception {
        String id = webinar("Opt-in", 10);
        Map<String, Object> body = registrant("Mia <b>Muster</b>", "mia@example.org");
        body.put("answers", Map.of(questionId(id, 0), "Developer"));
        register(id, body);
        assertEquals(0, count("SELECT count(*) FROM registration WHERE webinar_id = ? AND status = 'REGISTERED'", UUID.fromString(id)),
                "a seat was counted before the e-mail was confirmed");

        Mailbox.Received confirmMail = mailbox().awaitOne("mia@example.org", "Confirm your registration");
        assertFalse(confirmMail.text().contains("Muster") || confirmMail.html().contains("Muster"),
                "the mail to an unconfirmed address carries text the requester chose");
        String location = confirm(confirmMail.find(CONFIRM));
        assertTrue(location.contains("/join/"), location);
        String joinToken = location.substring(location.lastIndexOf('/') + 1);
        given().when().get("/join/" + joinToken).then().statusCode(200)
                .body(containsString("data-testid=\"join-page\"")).body(containsString("Mia &lt;b&gt;Muster&lt;/b&gt;"));

        Mailbox.Received registered = mailbox().awaitOne("mia@example.org", "You are registered");
        assertEquals(joinToken, registered.find(JOIN));
        assertTrue(registered.html().contains("Mia &lt;b&gt;Muster&lt;/b&gt;"), "name not escaped in the HTML mail");
        Calendar invite = new CalendarBuilder().build(new StringReader(registered.calendar().orElseThrow()));
        assertEquals("REQUEST", invite.getProperty(Property.METHOD).orElseThrow().getValue());
        List<VEvent> events = invite.getComponents(Component.VEVENT);
        assertEquals(3, events.size());
        assertEquals(Instant.parse(YEAR + "-10-20T08:00:00Z"), ((ZonedDateTime) events.get(0).getStartDate().orElseThrow().getDate()).toInstant());
        assertEquals(Instant.parse(YEAR + "-11-03T09:00:00Z"), ((ZonedDateTime) events.get(2).getStartDate().orElseThrow().getDate()).toInstant());
        assertTrue(events.get(0).getProperty(Property.ATTENDEE).orElseThrow().getValue().contains("mia@example.org"));
        assertTrue(registered.contentTypes().contains("method=REQUEST"), registered.contentTypes());
    }

    @Test
    void germanWebinarsMailInGerman() {
        Map<String, Object> body = WebinarResourceTest.webinar("Souveräne Webinare");
        body.put("language", "de");
        body.put("registrationMode", "OPEN");
        body.put("questions", List.of());
        String id = WebinarResourceTest.create(Tokens.HOST, body);
        register(id, registrant("Jana", "jana@example.org"));
        Mailbox.Received mail = mailbox().awaitOne("jana@example.org", "Bitte bestätigen Sie Ihre Anmeldung: Souveräne Webinare");
        assertTrue(mail.text().contains("Guten Tag,"), mail.text());
        confirm(mail.find(CONFIRM));
        Mailbox.Received registered = mailbox().awaitOne("jana@example.org", "Sie sind angemeldet");
        assertTrue(registered.text().contains("Hallo Jana,"), registered.text());
        assertTrue(registered.text().contains("Di. 20 Okt.") || registered.text().contains("Mi. 20 Okt.")
                || registered.text().matches("(?s).*\\b20 Okt\\.? " + YEAR + ".*"), registered.text());
    }

    @Test
    void sameAddressAgainGetsTheSameLinkAgainButNoSecondSeat() throws Exception {
        String id = webinar("Twice", 10);
        register(id, registrant("Tom", "tom@example.org"));
        String first = mailbox().awaitOne("tom@example.org", "Confirm your registration").find(CONFIRM);
        register(id, registrant("Tom", "TOM@Example.org"));
        List<Mailbox.Received> confirms = mailbox().await(mail -> mail.to().equals("tom@example.org")
                && mail.subject().startsWith("Confirm your registration"), 2);
        assertEquals(first, confirms.get(1).find(CONFIRM), "a repeated registration changed the confirmation link");
        String location = confirm(first);
        assertTrue(location.contains("/join/"), location);
        String join = location.substring(location.lastIndexOf('/') + 1);
        register(id, registrant("Tom", "tom@example.org"));
        List<Mailbox.Received> registered = mailbox().await(mail -> mail.to().equals("tom@example.org")
                && mail.subject().startsWith("You are registered"), 2);
        assertEquals(join, registered.get(1).find(JOIN), "the copy carries the same join link");
        assertEquals(1, count("SELECT count(*) FROM registration WHERE webinar_id = ?", UUID.fromString(id)));
        assertEquals(1, count("SELECT count(*) FROM registration WHERE webinar_id = ? AND status = 'REGISTERED'", UUID.fromString(id)));
    }

    @Test
    void oldJoinLinkStillWorksAfterAStrangerReRegistersTheAddress() {
        String id = webinar("Stranger", 10);
        register(id, registrant("Olga", "olga@example.org"));
        String location = confirm(mailbox().awaitOne("olga@example.org", "Confirm your registration").find(CONFIRM));
        String join = location.substring(location.lastIndexOf('/') + 1);
        register(id, registrant("Somebody else", "OLGA@example.org"));
        register(id, registrant("Somebody else", "olga@example.org"));
        given().when().get("/join/" + join).then().statusCode(200).body(containsString("Olga"));
        mailbox().await(mail -> mail.to().equals("olga@example.org") && mail.subject().startsWith("You are registered"), 3)
                .forEach(mail -> assertEquals(join, mail.find(JOIN)));
    }

    @Test
    void aRevokedLinkStaysRevokedWhenTheAddressRegistersAgain() throws Exception {
        String id = webinar("Revoked", 10);
        register(id, registrant("Rolf", "rolf@example.org"));
        String location = confirm(mailbox().awaitOne("rolf@example.org", "Confirm your registration").find(CONFIRM));
        String join = location.substring(location.lastIndexOf('/') + 1);
        String registration = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/webinars/" + id + "/registrants")
                .then().extract().path("[0].id");
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST))
                .post("/api/webinars/" + id + "/registrants/" + registration + "/revoke-join-link").then().statusCode(204);
        register(id, registrant("Rolf", "rolf@example.org"));
        given().when().get("/join/" + join).then().statusCode(404);
        assertEquals(1, count("SELECT count(*) FROM registration WHERE id = ? AND join_revoked", UUID.fromString(registration)));
        awaitOutboxDone("rolf@example.org");
        assertEquals(1, mailbox().all().stream().filter(mail -> mail.to().equals("rolf@example.org")
                && mail.subject().startsWith("You are registered")).count(), "a new join link was mailed");
    }

    @Test
    void repeatedRegistrationsSendAtMostThreeMailsADay() throws Exception {
        String id = webinar("Cannon", 10);
        for (int i = 0; i < 10; i++) {
            register(id, registrant("Victim", "victim@example.org"));
        }
        awaitOutboxDone("victim@example.org");
        List<Mailbox.Received> mails = mailbox().all().stream().filter(mail -> mail.to().equals("victim@example.org")).toList();
        assertEquals(3, mails.size(), "plenum.registration.mails-per-address-per-day is 3");
        assertEquals(1, mails.stream().map(mail -> mail.find(CONFIRM)).distinct().count());
    }

    @Test
    void namesWithLineBreaksOrControlCharactersAreRefused() throws Exception {
        String id = webinar("Header games", 10);
        for (String name : List.of("Eve\r\nBcc: all@example.org", "Eve\nATTENDEE:mailto:x@example.org", "Eve\u0007", "Eve\u202Egnp.exe")) {
            given().contentType(ContentType.JSON).body(registrant(name, "eve@example.org"))
                    .when().post("/api/public/webinars/" + id + "/registrations")
                    .then().statusCode(400).contentType(containsString("application/problem+json"))
                    .body("errors.field", containsInAnyOrder("name"));
        }
        assertEquals(0, count("SELECT count(*) FROM registration WHERE webinar_id = ?", UUID.fromString(id)));
        register(id, registrant("O'Brien, \"Eve\"; Dr. \\ Jr.: ROLE=CHAIR", "eve@example.org"));
        confirm(mailbox().awaitOne("eve@example.org", "Confirm your registration").find(CONFIRM));
        Calendar invite = new CalendarBuilder().build(new StringReader(
                mailbox().awaitOne("eve@example.org", "You are registered").calendar().orElseThrow()));
        for (VEvent event : invite.<VEvent>getComponents(Component.VEVENT)) {
            assertEquals(1, event.getProperties(Property.ATTENDEE).size());
            assertTrue(event.getProperty(Property.ATTENDEE).orElseThrow().getParameter("CN").orElseThrow().getValue()
                    .startsWith("O'Brien, 'Eve'; Dr. "), "double quotes become single ones (CalendarInvite.unquotable)");
        }
    }

    @Test
    void confirmationLinkOpenedByGetChangesNothingAndThePostConfirms() throws Exception {
        String id = webinar("Prefetch", 10);
        register(id, registrant("Paula", "paula@example.org"));
        String token = mailbox().awaitOne("paula@example.org", "Confirm your registration").find(CONFIRM);
        for (int i = 0; i < 2; i++) {
            given().redirects().follow(false).when().get("/r/confirm/" + token).then().statusCode(200)
                    .body(containsString("data-testid=\"confirm-page\""))
                    .body(containsString("<form method=\"post\" action=\"/r/confirm/" + token + "\""));
        }
        assertEquals(1, count("SELECT count(*) FROM registration WHERE webinar_id = ? AND status = 'UNCONFIRMED'", UUID.fromString(id)));
        assertTrue(confirm(token).contains("/join/"));
        assertEquals(1, count("SELECT count(*) FROM registration WHERE webinar_id = ? AND status = 'REGISTERED'", UUID.fromString(id)));
        given().when().get("/r/confirm/" + token).then().statusCode(200).body(containsString("data-testid=\"confirmed\""));
        given().when().get("/r/confirm/" + token.substring(0, 42) + (token.endsWith("A") ? "B" : "A")).then().statusCode(404);
    }

    @Test
    void registrationRequestsFromOneAddressAreLimited() throws Exception {
        HttpClient noisy = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.77")).build();
        HttpClient other = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.78")).build();
        String id = webinar("Throttled", 10);
        URI missing = URI.create("http://localhost:8081/api/public/webinars/" + UUID.randomUUID() + "/registrations");
        String body = "{\"name\":\"Noisy\",\"email\":\"noisy@example.org\",\"privacyAcknowledged\":true}";
        Instant started = Instant.now();
        int admitted = 0;
        HttpResponse<String> refused = null;
        // %test allows 1000 at once (the suite registers from 127.0.0.1); requests for an unknown webinar are the cheapest.
        while (refused == null && admitted < 2000) {
            HttpResponse<String> response = noisy.send(post(missing, body), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(404, response.statusCode());
                admitted++;
            }
        }
        long seconds = Duration.between(started, Instant.now()).toSeconds() + 1;
        assertTrue(refused != null && admitted >= 1000 && admitted <= 1000 + 2 * seconds, "admitted " + admitted);
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(refused.body().contains("\"status\":429"), refused.body());
        assertTrue(Integer.parseInt(refused.headers().firstValue("Retry-After").orElse("0")) >= 1, "says when to try again");
        URI real = URI.create("http://localhost:8081/api/public/webinars/" + id + "/registrations");
        assertEquals(429, noisy.send(post(real, body), HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(202, other.send(post(real, body), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    private static HttpRequest post(URI uri, String json) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    @Test
    void noColumnOfTheDatabaseHoldsAMailedLink() throws Exception {
        String id = webinar("Dump", 10);
        register(id, registrant("Dora", "dora@example.org"));
        String confirmToken = mailbox().awaitOne("dora@example.org", "Confirm your registration").find(CONFIRM);
        confirm(confirmToken);
        String joinToken = mailbox().awaitOne("dora@example.org", "You are registered").find(JOIN);
        awaitOutboxDone("dora@example.org");
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement("""
                SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
                AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.add("\"" + rows.getString(1) + "\".\"" + rows.getString(2) + "\".\"" + rows.getString(3) + "\"");
            }
        }
        assertTrue(columns.size() > 20 && columns.stream().anyMatch(column -> column.contains("body_text")), columns.toString());
        for (String token : List.of(confirmToken, joinToken)) {
            for (String column : columns) {
                String table = column.substring(0, column.lastIndexOf('.'));
                assertEquals(0, count("SELECT count(*) FROM " + table + " WHERE " + column + "::text LIKE ?", "%" + token + "%"),
                        "a mailed link is stored in " + column);
            }
        }
    }

    /** Waits until every mail to {@code recipient} was sent. */
    private void awaitOutboxDone(String recipient) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (count("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND sent_at IS NULL", recipient) > 0) {
            assertTrue(Instant.now().isBefore(deadline), "mail to " + recipient + " still waiting after 30 s");
            Thread.sleep(100);
        }
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndNothingIsStored() throws Exception {
        String id = webinar("Strict", 10);
        Map<String, Object> bad = registrant("", "not-an-address");
        bad.put("privacyAcknowledged", false);
        given().contentType(ContentType.JSON).body(bad).when().post("/api/public/webinars/" + id + "/registrations")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("name", "email", "email"));
        Map<String, Object> noPrivacy = registrant("Ann", "ann@example.org");
        noPrivacy.put("privacyAcknowledged", false);
        noPrivacy.put("answers", Map.of(questionId(id, 0), "Astronaut"));
        given().contentType(ContentType.JSON).body(noPrivacy).when().post("/api/public/webinars/" + id + "/registrations")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("privacyAcknowledged", "answers." + questionId(id, 0)));
        String required = WebinarResourceTest.create(Tokens.HOST, WebinarResourceTest.webinar("Required question"));
        given().contentType(ContentType.JSON).body(registrant("Ann", "ann@example.org"))
                .when().post("/api/public/webinars/" + required + "/registrations")
                .then().statusCode(400).body("errors[0].message", equalTo("is required"));
        assertEquals(0, count("SELECT count(*) FROM registration WHERE webinar_id = ?", UUID.fromString(id)));
        given().contentType(ContentType.JSON).body(registrant("Ann", "ann@example.org"))
                .when().post("/api/public/webinars/" + UUID.randomUUID() + "/registrations").then().statusCode(404);
    }

    @Test
    void twoHundredConcurrentConfirmationsForAHundredSeats() throws Exception {
        Map<String, Object> body = WebinarResourceTest.webinar("Crowded");
        body.put("capacity", 100);
        body.put("registrationMode", "OPEN");
        body.put("questions", List.of());
        String id = WebinarResourceTest.create(Tokens.HOST, body);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> registering = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String email = "crowd" + i + "@example.org";
                registering.add(() -> given().contentType(ContentType.JSON).body(registrant("Crowd " + email, email))
                        .post("/api/public/webinars/" + id + "/registrations").statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(registering)) {
                assertEquals(202, status.get());
            }
            List<String> tokens = mailbox().await(mail -> mail.to().startsWith("crowd") && mail.subject().equals("Confirm your registration: Crowded"), 200)
                    .stream().map(mail -> mail.find(CONFIRM)).toList();
            assertEquals(200, Set.copyOf(tokens).size());
            List<Callable<String>> confirming = tokens.stream().<Callable<String>>map(token -> () -> confirm(token)).toList();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> outcome : pool.invokeAll(confirming)) {
                outcomes.add(outcome.get());
            }
            assertEquals(100, outcomes.stream().filter(location -> location != null && location.contains("/join/")).count());
        assertEquals(100, outcomes.stream().filter(location -> location != null && location.contains("/join/")).distinct().count());
        } finally {
            pool.shutdownNow();
        }
        UUID webinar = UUID.fromString(id);
        assertEquals(100, count("SELECT count(*) FROM registration WHERE webinar_id = ? AND status = 'REGISTERED'", webinar));
        assertEquals(100, count("SELECT count(*) FROM registration WHERE webinar_id = ? AND status = 'WAITLISTED'", webinar));
        assertEquals(200, count("SELECT count(DISTINCT email_normalized) FROM registration WHERE webinar_id = ?", webinar));
        assertFalse(mailbox().all().stream().anyMatch(mail -> mail.subject().isBlank()));
    }
}
