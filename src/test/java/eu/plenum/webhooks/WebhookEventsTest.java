package eu.plenum.webhooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.plenum.media.RecordingReady;
import eu.plenum.media.SessionEnded;
import eu.plenum.media.SessionWentLive;
import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.WebhookReceiver;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook events end to end over real HTTP and PostgreSQL: each event type reaches a subscribed
 * receiver with a signature over timestamp and body that verifies with the secret shown at
 * registration; a retry after a 500 carries the same delivery id; retries end DEAD; a receiver
 * declared outside the allowed regions is REFUSED and the transfer log says so; no column holds a
 * secret in clear; two dispatchers at once never send one delivery twice.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class WebhookEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ALL = List.of("registration.created", "registration.confirmed", "registration.cancelled",
            "session.live", "session.ended", "recording.ready", "attendance.ready");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    WebhookDeliveryPersonalData personalData;
    @Inject
    Event<SessionWentLive> wentLive;
    @Inject
    Event<SessionEnded> ended;
    @Inject
    Event<RecordingReady> recordingReady;

    private WebhookReceiver receiver;
    private final List<String> endpoints = new ArrayList<>();

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    /** Removes this test's endpoints: later tests of the run must not queue events for a receiver that is gone. */
    @AfterEach
    void stopReceiver() {
        endpoints.forEach(id -> as(Tokens.HOST).when().delete("/api/webhooks/" + id));
        receiver.close();
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.accessToken(user)).contentType(ContentType.JSON);
    }

    private record Registered(String id, String secret) {
    }

    private Registered endpoint(String path, String region, List<String> events) {
        var created = as(Tokens.HOST).body(Map.of("url", receiver.url(path), "regionCode", region, "events", events))
                .when().post("/api/webhooks").then().statusCode(201)
                .body("signingKey", startsWith("whsec_")).body("events", equalTo(events)).extract();
        endpoints.add(created.path("id"));
        return new Registered(created.path("id"), created.path("signingKey"));
    }

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

    private WebhookReceiver.Delivery awaitOne(String type, String field, String value) {
        await(type + " with " + field + "=" + value, () -> find(type, field, value) != null);
        return find(type, field, value);
    }

    private WebhookReceiver.Delivery find(String type, String field, String value) {
        return receiver.deliveries().stream()
                .filter(delivery -> delivery.headers().get("Plenum-Event").contains(type))
                .filter(delivery -> value.equals(body(delivery).path("data").path(field).asText()))
                .findFirst().orElse(null);
    }

    private static JsonNode body(WebhookReceiver.Delivery delivery) {
        try {
            return JSON.readTree(delivery.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** What a receiver does: recompute HMAC-SHA256 of "t.body" with the secret and compare with a v1 value. */
    private static boolean verifies(WebhookReceiver.Delivery delivery, String secret) {
        String header = delivery.headers().get("Plenum-Signature").get(0);
        String t = null;
        List<String> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1.add(part.substring(3));
            }
        }
        long age = Instant.now().getEpochSecond() - Long.parseLong(t);
        assertTrue(age >= -5 && age < 300, "timestamp too old or in the future: " + header);
        return v1.contains(WebhookSignatures.sign(secret, Long.parseLong(t), delivery.body()));
    }

    private List<Map<String, Object>> deliveriesOf(String endpointId) {
        return as(Tokens.HOST).when().get("/api/webhooks/" + endpointId + "/deliveries")
                .then().statusCode(200).extract().path("");
    }

    @Test
    void everyEventTypeIsDeliveredSignedWithTheEndpointsSecret() {
        Registered endpoint = endpoint("/crm", "eu-fra", ALL);
        String webinar = Attendees.recordedWebinar("Hooked " + System.nanoTime());
        String email = "hooked" + System.nanoTime() + "@hooks.example";
        Attendees.joinToken(webinar, "Hanna Hook", email);
        String registration = Attendees.registrationId(webinar, email);

        WebhookReceiver.Delivery created = awaitOne("registration.created", "registrationId", registration);
        assertEquals(email, body(created).path("data").path("email").asText());
        assertEquals("acme", body(created).path("tenant").asText());
        WebhookReceiver.Delivery confirmed = awaitOne("registration.confirmed", "registrationId", registration);
        assertEquals("REGISTERED", body(confirmed).path("data").path("status").asText());
        as(Tokens.HOST).when().post("/api/webinars/" + webinar + "/registrants/" + registration + "/revoke-join-link")
                .then().statusCode(204);
        WebhookReceiver.Delivery cancelled = awaitOne("registration.cancelled", "registrationId", registration);
        assertEquals("REVOKED", body(cancelled).path("data").path("reason").asText());

        UUID session = UUID.fromString(Attendees.firstSession(webinar));
        UUID room = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            wentLive.fire(new SessionWentLive("acme", UUID.fromString(webinar), session, room, Instant.now()));
            ended.fire(new SessionEnded("acme", UUID.fromString(webinar), session, room, "HOST_ENDED", Instant.now()));
            recordingReady.fire(new RecordingReady("acme", UUID.fromString(webinar), session, room, UUID.randomUUID(), "COMPLETE",
                    61_000L, 1234L, Instant.now()));
        });
        List<WebhookReceiver.Delivery> all = new ArrayList<>(List.of(created, confirmed, cancelled,
                awaitOne("session.live", "sessionId", session.toString()),
                awaitOne("session.ended", "sessionId", session.toString()),
                awaitOne("recording.ready", "sessionId", session.toString())));
        assertEquals("HOST_ENDED", body(all.get(4)).path("data").path("reason").asText());
        assertFalse(body(all.get(3)).toString().contains("@"), "a session event carried an address: " + all.get(3).body());
        for (WebhookReceiver.Delivery delivery : all) {
            assertTrue(verifies(delivery, endpoint.secret()), "signature does not verify: " + delivery.headers());
            assertFalse(verifies(delivery, "whsec_someone-else"), "any secret verifies");
            assertEquals(body(delivery).path("type").asText(), delivery.headers().get("Plenum-Event").get(0));
            UUID.fromString(delivery.headers().get("Plenum-Delivery").get(0));
        }
        // attendance.ready is raised by the audience context: AttendanceReportTest follows it to the receiver.

        var subject = new eu.plenum.shared.PersonalDataHolder.DataSubject("acme", email, java.util.Set.of(UUID.fromString(registration)));
        List<Map<String, Object>> held = personalData.export(subject);
        assertEquals(3, held.size(), "created, confirmed, cancelled: " + held);
        assertTrue(String.valueOf(held.get(0).get("body")).contains(email));
        assertEquals(3, QuarkusTransaction.requiringNew().call(() -> personalData.erase(subject)));
        assertEquals(List.of(), personalData.export(subject));
    }

    @Test
    void aRetryAfterA500CarriesTheSameDeliveryIdAndExhaustedRetriesAreDead() {
        Registered flaky = endpoint("/flaky/1/crm", "eu-fra", List.of("session.live"));
        Registered broken = endpoint("/fail/500", "eu-fra", List.of("session.live"));
        UUID session = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() ->
                wentLive.fire(new SessionWentLive("acme", UUID.randomUUID(), session, UUID.randomUUID(), Instant.now())));
        await("the flaky receiver to take the retry", () -> deliveriesOf(flaky.id()).stream()
                .anyMatch(row -> "DELIVERED".equals(row.get("status"))));
        List<Map<String, Object>> rows = deliveriesOf(flaky.id());
        assertEquals(1, rows.size());
        assertEquals(2, rows.get(0).get("attempts"));
        String deliveryId = (String) rows.get(0).get("id");
        List<WebhookReceiver.Delivery> received = receiver.withHeader("Plenum-Delivery", deliveryId);
        assertEquals(2, received.size(), "the failed attempt and the retry");
        assertEquals(received.get(0).body(), received.get(1).body());

        await("the broken receiver's delivery to die", () -> deliveriesOf(broken.id()).stream()
                .anyMatch(row -> "DEAD".equals(row.get("status"))));
        Map<String, Object> dead = deliveriesOf(broken.id()).get(0);
        assertEquals(3, dead.get("attempts"));
        assertEquals(500, dead.get("lastStatus"));
        assertEquals(3, receiver.withHeader("Plenum-Delivery", (String) dead.get("id")).size());
        as(Tokens.HOST).when().post("/api/webhooks/" + broken.id() + "/deliveries/" + dead.get("id") + "/redelivery").then().statusCode(202);
        as(Tokens.HOST_OF_GLOBEX).when().get("/api/webhooks/" + broken.id() + "/deliveries").then().statusCode(404);
    }

    @Test
    void aReceiverOutsideTheAllowedRegionsIsRefusedAndLogged() {
        Registered outside = endpoint("/us-crm", "us-vin", List.of("session.ended"));
        UUID session = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() ->
                ended.fire(new SessionEnded("acme", UUID.randomUUID(), session, UUID.randomUUID(), "HOST_ENDED", Instant.now())));
        await("the refusal", () -> deliveriesOf(outside.id()).stream().anyMatch(row -> "REFUSED".equals(row.get("status"))));
        assertEquals(0, receiver.deliveries().size(), "personal data left for a third country");
        List<Map<String, Object>> transfers = as(Tokens.ADMIN).queryParam("tenant", "acme").queryParam("limit", 50)
                .when().get("/api/compliance/transfers").then().statusCode(200).extract().path("");
        Map<String, Object> refusal = transfers.stream()
                .filter(entry -> String.valueOf(entry.get("destination")).contains(outside.id())).findFirst()
                .orElseThrow(() -> new AssertionError("no transfer log entry for the endpoint: " + transfers));
        assertEquals("REFUSED", refusal.get("outcome"));
        assertEquals("us-vin", refusal.get("toRegion"));
        assertEquals("webhook-event", refusal.get("category"));
    }

    @Test
    void noColumnHoldsASecretInClearAndARotationSignsWithBoth() throws Exception {
        Registered endpoint = endpoint("/vault", "eu-fra", List.of("session.live"));
        String rotated = as(Tokens.HOST).when().post("/api/webhooks/" + endpoint.id() + "/secret-rotations")
                .then().statusCode(200).body("previousKeyValidUntil", org.hamcrest.Matchers.notNullValue())
                .extract().path("signingKey");
        assertNotEquals(endpoint.secret(), rotated);
        for (String secret : List.of(endpoint.secret(), rotated)) {
            String body = secret.substring("whsec_".length());
            assertEquals(List.of(), tablesContaining(body), "a secret in clear");
        }
        as(Tokens.HOST).when().get("/api/webhooks").then().statusCode(200)
                .body("find { it.id == '" + endpoint.id() + "' }.signingKey", org.hamcrest.Matchers.nullValue());

        UUID session = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() ->
                wentLive.fire(new SessionWentLive("acme", UUID.randomUUID(), session, UUID.randomUUID(), Instant.now())));
        WebhookReceiver.Delivery delivery = awaitOne("session.live", "sessionId", session.toString());
        assertTrue(delivery.headers().get("Plenum-Signature").get(0).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}"));
        assertTrue(verifies(delivery, rotated));
        assertTrue(verifies(delivery, endpoint.secret()), "the previous secret stops signing before 24 h");
    }

    /** Tables of the public schema any of whose rows, as text, contains {@code needle}. */
    private List<String> tablesContaining(String needle) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            for (String table : tables) {
                try (var query = connection.prepareStatement("SELECT count(*) FROM \"" + table + "\" t WHERE t::text LIKE ?")) {
                    query.setString(1, "%" + needle + "%");
                    try (ResultSet result = query.executeQuery()) {
                        result.next();
                        if (result.getLong(1) > 0) {
                            found.add(table);
                        }
                    }
                }
            }
        }
        return found;
    }

    @Test
    void twoDispatchersAtOnceNeverDeliverOneRowTwice() throws Exception {
        endpoint("/many", "eu-fra", List.of("session.ended"));
        int events = 40;
        UUID webinar = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < events; i++) {
                ended.fire(new SessionEnded("acme", webinar, UUID.randomUUID(), UUID.randomUUID(), "HOST_ENDED", Instant.now()));
            }
        });
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> drain = () -> {
                int claimed = 0;
                for (int batch; (batch = dispatcher.dispatchBatch()) > 0; ) {
                    claimed += batch;
                }
                return claimed;
            };
            List<Future<Integer>> runs = two.invokeAll(List.of(drain, drain));
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            two.shutdownNow();
        }
        await("every event delivered", () -> receiver.deliveries().stream()
                .filter(delivery -> webinar.toString().equals(body(delivery).path("data").path("webinarId").asText())).count() >= events);
        Map<String, Integer> perDelivery = new HashMap<>();
        receiver.deliveries().stream()
                .filter(delivery -> webinar.toString().equals(body(delivery).path("data").path("webinarId").asText()))
                .forEach(delivery -> perDelivery.merge(delivery.headers().get("Plenum-Delivery").get(0), 1, Integer::sum));
        assertEquals(events, perDelivery.size());
        perDelivery.forEach((id, count) -> assertEquals(1, count, "delivery " + id + " was sent " + count + " times"));
    }

    @Test
    void unknownEventTypesAreRefusedAndSubscriptionsChange() {
        as(Tokens.HOST).body(Map.of("url", receiver.url("/x"), "regionCode", "eu-fra", "events", List.of("session.exploded")))
                .when().post("/api/webhooks").then().statusCode(400).body("errors[0].field", equalTo("events"));
        Registered endpoint = endpoint("/sub", "eu-fra", List.of());
        as(Tokens.HOST).body(Map.of("events", List.of("session.live", "attendance.ready")))
                .when().put("/api/webhooks/" + endpoint.id() + "/events")
                .then().statusCode(200).body("events", equalTo(List.of("session.live", "attendance.ready")));
        as(Tokens.HOST_OF_GLOBEX).body(Map.of("events", List.of("session.live")))
                .when().put("/api/webhooks/" + endpoint.id() + "/events").then().statusCode(404);
    }
}
