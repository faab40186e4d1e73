package eu.plenum.console;

import static io.restassured.RestAssured.given;

import eu.plenum.quotas.TenantQuotas;
import eu.plenum.testsupport.PageSessions;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the console's platform overview and the go-live quota check cost with a large register: 1,000 tenants,
 * 100,000 webinars (with sessions) and 20,000 rooms live at some time in the last 30 days, seeded with SQL.
 * Prints BENCH lines (docs/benchmarks.md); asserts no times. Runs with -Pbench only.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformOverviewBenchmark {

    private static final int TENANTS = 1_000;
    private static final int WEBINARS = 100_000;
    private static final int ROOMS = 20_000;

    @Inject
    AgroalDataSource data;

    @Inject
    TenantQuotas quotas;

    @BeforeAll
    void seed() throws Exception {
        long started = System.nanoTime();
        try (Connection connection = data.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO tenant (id, name, home_region_code) SELECT 'bench-' || t, 'Bench tenant ' || t, 'eu-fra'"
                    + " FROM generate_series(1, " + TENANTS + ") t");
            sql.execute("""
                    INSERT INTO webinar (id, tenant_id, title, language, time_zone, start_local, duration_minutes, recurrence,
                        capacity, registration_mode, recording_policy, status, created_by)
                    SELECT md5('w' || w)::uuid, 'bench-' || (1 + w %% %d), 'Bench webinar ' || w, 'en', 'UTC',
                        timestamp '2027-01-01 10:00' + w * interval '1 minute', 60, 'NONE', 100, 'OPEN', 'OFF', 'SCHEDULED', 'bench'
                    FROM generate_series(1, %d) w""".formatted(TENANTS, WEBINARS));
            sql.execute("""
                    INSERT INTO webinar_session (id, webinar_id, tenant_id, occurrence, starts_at, ends_at, status)
                    SELECT md5('s' || w)::uuid, md5('w' || w)::uuid, 'bench-' || (1 + w %% %d), 0,
                        timestamptz '2027-01-01 10:00Z' + w * interval '1 minute', timestamptz '2027-01-01 11:00Z' + w * interval '1 minute',
                        'SCHEDULED'
                    FROM generate_series(1, %d) w""".formatted(TENANTS, WEBINARS));
            sql.execute("""
                    INSERT INTO live_room (id, tenant_id, webinar_id, session_id, stream_key_hash, stream_key_hint, status, ended_reason,
                        worker_node, went_live_at, ended_at)
                    SELECT md5('r' || w)::uuid, 'bench-' || (1 + w %% %d), md5('w' || w)::uuid, md5('s' || w)::uuid, md5('k' || w), 'bench',
                        CASE WHEN w %% 997 = 0 THEN 'LIVE' ELSE 'ENDED' END, CASE WHEN w %% 997 = 0 THEN NULL ELSE 'HOST_ENDED' END,
                        'bench-node-' || (w %% 3), now() - (w %% 720) * interval '1 hour',
                        CASE WHEN w %% 997 = 0 THEN NULL ELSE now() - (w %% 720) * interval '1 hour' + interval '1 hour' END
                    FROM generate_series(1, %d) w""".formatted(TENANTS, ROOMS));
            sql.execute("ANALYZE");
        }
        System.out.printf("BENCH overview seed: %d tenants, %d webinars and sessions, %d rooms in %d ms%n", TENANTS, WEBINARS, ROOMS,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The seeded rooms got room events (a node's lease sweep ends rooms of unknown nodes), and room events are
     * append-only: the seed stays for the rest of the bench run's throw-away database, its live rooms ended.
     */
    @AfterAll
    void endSeededRooms() throws Exception {
        try (Connection connection = data.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("UPDATE live_room SET status = 'ENDED', ended_reason = coalesce(ended_reason, 'HOST_ENDED'),"
                    + " ended_at = coalesce(ended_at, now()) WHERE tenant_id LIKE 'bench-%' AND status <> 'ENDED'");
        }
    }

    @Test
    void renderingThePlatformOverview() {
        String cookie = PageSessions.signIn(RestAssured.baseURI + ":" + RestAssured.port, Tokens.ADMIN);
        for (int i = 0; i < 5; i++) {
            given().header("Cookie", cookie).get("/console").then().statusCode(200);
        }
        long[] times = new long[40];
        int bytes = 0;
        for (int i = 0; i < times.length; i++) {
            long started = System.nanoTime();
            bytes = given().header("Cookie", cookie).get("/console").then().statusCode(200).extract().asByteArray().length;
            times[i] = System.nanoTime() - started;
        }
        print("console home (overview + 1,000-tenant table) GET /console", times, bytes + " bytes");
    }

    @Test
    void theQuotaCheckOnTheGoLivePath() {
        for (int i = 0; i < 500; i++) {
            quotas.admitGoLive("bench-" + (1 + i % TENANTS), true);
        }
        long[] times = new long[5_000];
        for (int i = 0; i < times.length; i++) {
            long started = System.nanoTime();
            quotas.admitGoLive("bench-" + (1 + i % TENANTS), true);
            times[i] = System.nanoTime() - started;
        }
        print("TenantQuotas.admitGoLive (live rooms + recording bytes, own transaction)", times, "");
        long[] viewers = new long[5_000];
        for (int i = 0; i < viewers.length; i++) {
            long started = System.nanoTime();
            quotas.viewerPlaces("bench-" + (1 + i % TENANTS), 1000);
            viewers[i] = System.nanoTime() - started;
        }
        print("TenantQuotas.viewerPlaces (WHEP admission)", viewers, "");
    }

    private static void print(String what, long[] nanos, String note) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("BENCH %s: n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms %s%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6, note);
    }
}
