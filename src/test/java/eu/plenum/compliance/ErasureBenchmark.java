package eu.plenum.compliance;

import static io.restassured.RestAssured.given;

import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.PersonSeed;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Time of one Art. 17 erasure, from the officer's request to a completed receipt, for a person with
 * 10,000 chat messages in a database that holds 1,000,000 chat messages of other people (the erasure
 * job, the embedded database and Keycloak on this machine); an erasure is once per person, so each run
 * erases another seeded person. Prints figures; runs only with -Pbench.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class ErasureBenchmark {

    private static final int OWN_MESSAGES = 10_000;
    private static final int OTHER_ROWS = 1_000_000;
    private static final int RUNS = 3;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void erasureOfAPersonWithTenThousandChatMessages() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String webinar = Attendees.recordedWebinar("Erasure benchmark " + run);
        UUID session = UUID.fromString(Attendees.firstSession(webinar));
        List<String> emails = new ArrayList<>();
        long seedBegin = System.nanoTime();
        seed(session, null, 0, OTHER_ROWS);
        for (int i = 0; i < RUNS; i++) {
            String email = "bench" + i + "." + run + "@erasure.example";
            Attendees.joinToken(webinar, "Bench Person " + i, email);
            UUID registration = PersonSeed.uuid(dataSource, "SELECT id FROM registration WHERE email_normalized = ?", email);
            seed(session, registration, 2_000_000 + i * OWN_MESSAGES, OWN_MESSAGES);
            emails.add(email);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("ANALYZE live_event");
        }
        System.out.printf("seeded %,d chat rows in %.1f s%n", OTHER_ROWS + RUNS * OWN_MESSAGES, (System.nanoTime() - seedBegin) / 1e9);

        List<Double> seconds = new ArrayList<>();
        for (String email : emails) {
            String officer = Tokens.accessToken("dpo-acme");
            long begin = System.nanoTime();
            String id = given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("tenantId", "acme", "email", email))
                    .post("/api/compliance/erasures").then().statusCode(202).extract().path("id");
            String state = "";
            while (!state.equals("COMPLETED")) {
                state = given().auth().oauth2(officer).get("/api/compliance/erasures/" + id).then().statusCode(200).extract().path("state");
                if (state.equals("FAILED")) {
                    throw new AssertionError("erasure failed");
                }
                Thread.sleep(50);
            }
            seconds.add((System.nanoTime() - begin) / 1e9);
            long left = PersonSeed.count(dataSource, "SELECT count(*) FROM registration WHERE email_normalized = ?", email);
            if (left != 0) {
                throw new AssertionError("registration still there after the erasure");
            }
        }
        long others = PersonSeed.count(dataSource, "SELECT count(*) FROM live_event WHERE session_id = ?", session);
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("erasure of %,d own chat messages among %,d other rows: runs %s s, median %.2f s, min %.2f s, max %.2f s; "
                + "%,d rows of the session left%n", OWN_MESSAGES, OTHER_ROWS, Arrays.toString(sorted), sorted[sorted.length / 2],
                sorted[0], sorted[sorted.length - 1], others);
    }

    /** Inserts {@code rows} chat messages with ids from {@code firstId + 1}, by {@code actor} (or by random other people when null). */
    private void seed(UUID session, UUID actor, long firstId, int rows) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO live_event (session_id, id, tenant_id, type, audience, actor_registration, payload, created_at)
                SELECT ?, ? + n, 'acme', 'chat.message', 'EVERYONE', coalesce(?::uuid, md5(n::text)::uuid),
                       jsonb_build_object('text', 'message number ' || n || ' with some ordinary chat text'),
                       now() - (n || ' milliseconds')::interval
                FROM generate_series(1, ?) AS n""")) {
            insert.setObject(1, session);
            insert.setLong(2, firstId + 1_000_000);
            insert.setObject(3, actor);
            insert.setInt(4, rows);
            insert.executeUpdate();
        }
    }
}
