package eu.plenum.shared.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No e-mail address or name of a registrant reaches the log: registration, confirmation, approval
 * and their mails, a race of duplicate registrations, and database rules broken with personal data
 * in the row (unique, NOT NULL, CHECK), whose PostgreSQL DETAIL quotes that row.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class PersonalDataLogTest {

    private static final Pattern CONFIRM = Pattern.compile("http://localhost:8081(/r/confirm/[A-Za-z0-9_-]{43})");

    private final CapturedLog log = new CapturedLog();
    private final List<String> personalData = new ArrayList<>();

    @BeforeEach
    void capture() {
        Logger.getLogger("").addHandler(log);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(log);
    }

    @Test
    void registrationApprovalMailsRacesAndBrokenRulesLogNoPersonalData() throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        String approval = webinar("APPROVAL");
        String alice = used("alice.leak" + tag + "@example.org");
        String aliceName = used("Alice Leakwater" + tag);
        register(approval, aliceName, alice);
        confirm(PlenumTestServers.mailbox().awaitOne(alice, "Confirm your registration").find(CONFIRM));
        String registration = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).queryParam("q", alice)
                .get("/api/webinars/" + approval + "/registrants").then().statusCode(200).extract().path("[0].id");
        given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).contentType(ContentType.JSON)
                .body(Map.of("registrationIds", List.of(registration))).post("/api/webinars/" + approval + "/registrants/approve")
                .then().statusCode(200);
        PlenumTestServers.mailbox().await(mail -> mail.to().equalsIgnoreCase(alice) && mail.text().contains("/join/"), 1);

        String open = webinar("OPEN");
        String bob = used("bob.race" + tag + "@example.org");
        String bobName = used("Bob Racewell" + tag);
        List<Integer> raced = race(open, bobName, bob, 8);
        assertFalse(raced.contains(500), "a duplicate race ended as 500: " + raced);
        confirmNewest(bob);
        PlenumTestServers.mailbox().await(mail -> mail.to().equalsIgnoreCase(bob) && mail.text().contains("/join/"), 1);

        String carol = used("carol.rule" + tag + "@example.org");
        String carolName = used("Carol Rulebreak" + tag);
        given().queryParam("name", carolName).queryParam("email", carol)
                .post("/api/test-only/constraint-failure/unique").then().statusCode(org.hamcrest.Matchers.oneOf(409, 500));
        for (String kind : List.of("not-null", "check")) {
            given().queryParam("name", carolName).queryParam("email", carol)
                    .post("/api/test-only/constraint-failure/" + kind).then().statusCode(500)
                    .contentType("application/problem+json");
        }

        String captured = log.text();
        assertTrue(captured.contains("Unexpected failure of POST"), "the log capture missed the 500s:\n" + captured);
        for (String value : personalData) {
            assertFalse(captured.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT)),
                    "the log holds '" + value + "':\n" + captured);
        }
        assertTrue(captured.contains("SQLState 23502") && captured.contains("SQLState 23514"),
                "the sanitised chain names the SQL state:\n" + captured);
    }

    private String used(String value) {
        personalData.add(value);
        return value;
    }

    private static String webinar(String mode) {
        Map<String, Object> body = Webinars.sample("Log check " + mode + " " + System.nanoTime());
        body.put("registrationMode", mode);
        body.put("questions", List.of());
        return Webinars.create(Tokens.HOST, body);
    }

    private static Response register(String webinarId, String name, String email) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "email", email, "privacyAcknowledged", true))
                .post("/api/public/webinars/" + webinarId + "/registrations");
    }

    /**
     * Confirms with the newest link mailed to the address: repeated registrations may each have
     * mailed a link, and only the last one may still work; its mail may still be on its way.
     */
    private static void confirmNewest(String email) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (java.time.Instant.now().isBefore(deadline)) {
            List<eu.plenum.testsupport.Mailbox.Received> mails = PlenumTestServers.mailbox().await(
                    mail -> mail.to().equalsIgnoreCase(email) && mail.subject().startsWith("Confirm your registration"), 1);
            for (int i = mails.size() - 1; i >= 0; i--) {
                if (confirmed(mails.get(i).find(CONFIRM))) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no confirmation link to " + email + " worked");
    }

    private static void confirm(String path) {
        assertTrue(confirmed(path), "confirmation of " + path + " failed");
    }

    /** Confirms by link: a GET that confirms, or the page whose button POSTs it (as scanners must not). */
    private static boolean confirmed(String path) {
        Response page = given().redirects().follow(false).get(path);
        if (page.statusCode() == 200 && page.asString().matches("(?is).*<form[^>]*action=\"[^\"]*/r/confirm/.*")) {
            page = given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").post(path);
        }
        return page.statusCode() < 400;
    }

    /** The same address registering {@code parallel} times at once; the statuses they got. */
    private static List<Integer> race(String webinarId, String name, String email, int parallel) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                attempts.add(() -> {
                    start.await();
                    return register(webinarId, name, email).statusCode();
                });
            }
            List<Future<Integer>> futures = new ArrayList<>();
            attempts.forEach(attempt -> futures.add(pool.submit(attempt)));
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            assertEquals(parallel, statuses.size());
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every record that reaches the log, as text: the formatted message and the whole stack trace. */
    private static final class CapturedLog extends Handler {

        private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName()).append(": ")
                    .append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : String.valueOf(record.getMessage()));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            lines.add(line.toString());
        }

        String text() {
            return String.join("\n", lines);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
