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
 * Time of one Art. 15 export, from the officer's request to a downloadable ZIP, for a person with
 * 10,000 chat messages in a database that holds 1,000,000 chat messages of other people (the export
 * job, the embedded database and Keycloak on this machine). Prints figures; runs only with -Pbench.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class SubjectExportBenchmark {

    private static final int OWN_MESSAGES = 10_000;
    private static final int OTHER_ROWS = 1_000_000;
    private static final int RUNS = 5;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void exportOfAPersonWithTenThousandChatMessages() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String webinar = Attendees.recordedWebinar("Export benchmark " + run);
        String email = "bench." + run + "@export.example";
        Attendees.joinToken(webinar, "Bench Person", email);
        UUID registration = PersonSeed.uuid(dataSource, "SELECT id FROM registration WHERE email_normalized = ?", email);
        UUID session = UUID.fromString(Attendees.firstSession(webinar));
        long seedBegin = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO live_event (session_id, id, tenant_id, type, audience, actor_registration, payload, created_at)
                SELECT ?, 1000000 + n, 'acme', 'chat.message', 'EVERYONE',
                       CASE WHEN n <= ? THEN ?::uuid ELSE md5(n::text)::uuid END,
                       jsonb_build_object('text', 'message number ' || n || ' with some ordinary chat text'),
                       now() - (n || ' milliseconds')::interval
                FROM generate_series(1, ?) AS n""")) {
            insert.setObject(1, session);
            insert.setInt(2, OWN_MESSAGES);
            insert.setObject(3, registration);
            insert.setInt(4, OWN_MESSAGES + OTHER_ROWS);
            insert.executeUpdate();
            connection.createStatement().execute("ANALYZE live_event");
        }
        System.out.printf("seeded %,d chat rows in %.1f s%n", OWN_MESSAGES + OTHER_ROWS, (System.nanoTime() - seedBegin) / 1e9);

        String officer = Tokens.accessToken("dpo-acme");
        List<Double> seconds = new ArrayList<>();
        long zipBytes = 0;
        for (int i = 0; i < RUNS; i++) {
            long begin = System.nanoTime();
            String id = given().auth().oauth2(officer).contentType(ContentType.JSON)
                    .body(Map.of("tenantId", "acme", "email", email, "kind", "ACCESS"))
                    .post("/api/compliance/requests").then().statusCode(201).extract().path("id");
            while (!"EXPORTED".equals(given().auth().oauth2(officer).get("/api/compliance/exports/" + id).then().statusCode(200)
                    .extract().path("state"))) {
                Thread.sleep(50);
            }
            seconds.add((System.nanoTime() - begin) / 1e9);
            zipBytes = given().auth().oauth2(officer).get("/api/compliance/exports/" + id + "/download").then().statusCode(200)
                    .extract().asByteArray().length;
            if (i == 0) {
                officer = Tokens.accessToken("dpo-acme");
            }
        }
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("export of %,d own chat messages among %,d other rows: runs %s s, median %.2f s, min %.2f s, "
                + "max %.2f s; ZIP %,d bytes%n", OWN_MESSAGES, OTHER_ROWS, Arrays.toString(sorted), sorted[sorted.length / 2],
                sorted[0], sorted[sorted.length - 1], zipBytes);
    }
}
