package eu.plenum.shared.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Two edits of the same webinar that both read version N: the first to commit wins, the other is
 * a 409 problem (not a 500). Deterministic: the test holds the webinar's row lock until both edits
 * have read the row and wait for it, then lets them go.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class OptimisticLockConflictTest {

    @Inject
    AgroalDataSource database;

    @Test
    void theLaterOfTwoConcurrentEditsIsA409Problem() throws Exception {
        Map<String, Object> form = Webinars.sample("Edited twice " + System.nanoTime());
        String id = Webinars.create(Tokens.HOST, form);
        String token = Tokens.accessToken(Tokens.HOST);
        List<CompletableFuture<Response>> edits = new ArrayList<>();
        // Two threads of its own: the common pool has one thread on a 2-core machine and would send them one by one.
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try (Connection lock = database.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement select = lock.prepareStatement("SELECT 1 FROM webinar WHERE id = ? FOR UPDATE")) {
                select.setObject(1, UUID.fromString(id));
                select.executeQuery().close();
            }
            for (String title : List.of("First edit", "Second edit")) {
                Map<String, Object> edited = new java.util.HashMap<>(form);
                edited.put("title", title);
                edits.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(edited).put("/api/webinars/" + id), senders));
            }
            awaitWaitingBackends(lock, 2);
            lock.commit();
        }
        List<Response> answers = new ArrayList<>();
        for (CompletableFuture<Response> edit : edits) {
            answers.add(edit.get());
        }
        senders.shutdown();
        answers.sort(Comparator.comparingInt(Response::statusCode));
        assertEquals(List.of(200, 409), answers.stream().map(Response::statusCode).toList(), answers.get(1).asString());
        answers.get(1).then().contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:plenum:problem:concurrent-update"))
                .body("status", org.hamcrest.Matchers.equalTo(409));
        String title = given().auth().oauth2(token).get("/api/webinars/" + id).then().statusCode(200).extract().path("title");
        assertTrue(List.of("First edit", "Second edit").contains(title), title);
    }

    /** Waits (without a timing assumption: as long as it takes, up to a minute) until both edits wait on a lock. */
    private static void awaitWaitingBackends(Connection own, int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            try (PreparedStatement waiting = own.prepareStatement(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()");
                    ResultSet result = waiting.executeQuery()) {
                result.next();
                if (result.getInt(1) >= count) {
                    return;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the two edits never both waited for the webinar's row");
            }
            Thread.sleep(50);
        }
    }
}
