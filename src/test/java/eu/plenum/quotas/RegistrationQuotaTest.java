package eu.plenum.quotas;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The registrations quota holds under a race: with a quota of three and two registered, eight attendees who register
 * for the last place at the same moment get exactly one place; the others get the quota's problem. Set through the
 * operators' API, audited, and back to the default afterwards.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class RegistrationQuotaTest {

    private static final int QUOTA = 3;
    private static final int RACERS = 8;

    @Inject
    AgroalDataSource data;

    @Test
    void parallelRegistrationsForTheLastPlaceAdmitExactlyOne() throws Exception {
        String tenant = given().auth().oauth2(Tokens.accessToken(Tokens.HOST_OF_GLOBEX)).get("/api/me").then().statusCode(200)
                .extract().path("tenant.id");
        Map<String, Object> sample = Webinars.sample("Quota: registrations race");
        sample.put("registrationMode", "OPEN");
        sample.put("questions", List.of());
        String webinar = Webinars.create(Tokens.HOST_OF_GLOBEX, sample);
        given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).contentType(ContentType.JSON).body(Map.of("registrationsPerWebinar", QUOTA))
                .put("/api/admin/tenants/" + tenant + "/quotas").then().statusCode(200)
                .body("find { it.quota == 'registrations-per-webinar' }.limit", equalTo(QUOTA));
        String run = Long.toString(System.nanoTime(), 36);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            for (int i = 0; i < QUOTA - 1; i++) {
                register(webinar, "early" + i + "." + run + "@example.org").then().statusCode(202);
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> racing = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                String email = "racer" + i + "." + run + "@example.org";
                racing.add(pool.submit(() -> {
                    start.await();
                    return register(webinar, email);
                }));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Response> answer : racing) {
                Response response = answer.get(120, TimeUnit.SECONDS);
                if (response.statusCode() == 202) {
                    admitted++;
                } else {
                    response.then().statusCode(409).contentType("application/problem+json")
                            .body("type", equalTo("urn:plenum:problem:quota-exceeded"))
                            .body("quota.name", equalTo("registrations-per-webinar")).body("quota.limit", equalTo(QUOTA))
                            .body("quota.usage", equalTo(QUOTA));
                }
            }
            assertEquals(1, admitted, "exactly one of the racers gets the last place");
            assertEquals(QUOTA, count("SELECT count(*) FROM registration WHERE webinar_id = CAST(? AS uuid)", webinar));
            given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).get("/api/admin/tenants/" + tenant + "/quotas").then()
                    .statusCode(200).body("find { it.quota == 'registrations-per-webinar' }.usage", equalTo(QUOTA));
            org.junit.jupiter.api.Assertions.assertTrue(count("SELECT count(*) FROM compliance_audit_entry WHERE tenant_id = ?"
                    + " AND action = 'quota.changed' AND details->>'registrations-per-webinar' = '" + QUOTA + "'", tenant) >= 1,
                    "the operator's change is in the audit log");
        } finally {
            pool.shutdownNow();
            Map<String, Object> defaults = new HashMap<>();
            defaults.put("registrationsPerWebinar", null);
            given().auth().oauth2(Tokens.accessToken(Tokens.ADMIN)).contentType(ContentType.JSON).body(defaults)
                    .put("/api/admin/tenants/" + tenant + "/quotas").then().statusCode(200)
                    .body("find { it.quota == 'registrations-per-webinar' }.overridden", equalTo(false));
        }
    }

    private static Response register(String webinar, String email) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "Racer", "email", email, "privacyAcknowledged", true, "recordingConsent", false))
                .post("/api/public/webinars/" + webinar + "/registrations");
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection connection = data.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
