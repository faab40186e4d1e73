package eu.plenum.scheduling;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.plenum.testsupport.Mailbox;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reminders with a controllable clock: the job is asked for the reminders due at chosen instants,
 * by two workers at once (as two app nodes would), and each reminder is queued and mailed once;
 * after "downtime" only the latest due reminder goes out.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class RemindersTest {

    private static final Pattern CONFIRM = Pattern.compile("http://localhost:8081/r/confirm/([A-Za-z0-9_-]{43})");

    @Inject
    Reminders reminders;

    private int twoNodesAt(Instant now) throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> runs = List.of(() -> reminders.queueDue(now), () -> reminders.queueDue(now));
            int queued = 0;
            for (Future<Integer> run : nodes.invokeAll(runs)) {
                queued += run.get();
            }
            return queued;
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void eachReminderGoesOutOnceAndCatchUpSendsOnlyTheLatest() throws Exception {
        String title = "Reminded " + System.nanoTime();
        Map<String, Object> body = Webinars.sample(title);
        body.put("registrationMode", "OPEN");
        body.put("questions", List.of());
        // queueDue works on every webinar: a start of its own keeps other tests' registrants (the samples
        // start on 20 October) out of the windows this test moves "now" through.
        body.put("start", Webinars.NEXT_YEAR + "-03-10T08:13");
        String id = Webinars.create(Tokens.HOST, body);
        for (String who : List.of("rem1", "rem2")) {
            given().contentType(ContentType.JSON).body(Map.of("name", who, "email", who + "@example.org", "privacyAcknowledged", true))
                    .post("/api/public/webinars/" + id + "/registrations").then().statusCode(202);
            String token = PlenumTestServers.mailbox().awaitOne(who + "@example.org", "Confirm your registration: " + title).find(CONFIRM);
            given().redirects().follow(false).post("/r/confirm/" + token).then().statusCode(303);
        }
        List<String> starts = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/webinars/" + id)
                .then().extract().path("sessions.startsAt");
        Instant first = Instant.parse(starts.get(0));
        Instant second = Instant.parse(starts.get(1));

        assertEquals(0, twoNodesAt(first.minus(Duration.ofHours(25))), "nothing is due 25 h before");
        assertEquals(2, twoNodesAt(first.minus(Duration.ofHours(23))), "the 24 h reminder, once per registrant");
        assertEquals(0, twoNodesAt(first.minus(Duration.ofHours(22))), "no second 24 h reminder");
        assertEquals(2, twoNodesAt(first.minus(Duration.ofMinutes(30))), "the 1 h reminder");
        // Downtime across both reminder times of the second session: only the 1 h reminder, not both.
        assertEquals(2, twoNodesAt(second.minus(Duration.ofMinutes(10))));
        assertEquals(0, twoNodesAt(second.plus(Duration.ofMinutes(10))), "no reminder once the session started");

        // A positive signal instead of a pause: the outbox is dispatched in send_after order, so once a
        // mail queued after every reminder has arrived, any duplicate reminder would have arrived first.
        given().contentType(ContentType.JSON).body(Map.of("name", "Sentinel", "email", "rem-sentinel@example.org",
                "privacyAcknowledged", true)).post("/api/public/webinars/" + id + "/registrations").then().statusCode(202);
        PlenumTestServers.mailbox().awaitOne("rem-sentinel@example.org", "Confirm your registration: " + title);
        for (String who : List.of("rem1", "rem2")) {
            List<Mailbox.Received> mails = PlenumTestServers.mailbox().await(mail -> mail.to().equals(who + "@example.org")
                    && mail.subject().equals("Reminder: " + title), 3);
            assertEquals(3, PlenumTestServers.mailbox().all().stream().filter(mail -> mail.to().equals(who + "@example.org")
                    && mail.subject().equals("Reminder: " + title)).count());
            assertEquals(3, mails.size());
            mails.forEach(mail -> assertEquals(true, mail.calendar().orElseThrow().contains("METHOD:REQUEST")));
        }
    }
}
