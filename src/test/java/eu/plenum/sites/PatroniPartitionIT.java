package eu.plenum.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PatroniSites;
import eu.plenum.testsupport.PatroniSites.Site;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Patroni with a witness, on a lost witness and a cut-off site, with plenum.sites.on-standby-loss=block
 * (synchronous_mode_strict). First the witness's etcd dies: for longer than a TTL nothing changes (A leads,
 * B confirms every commit, writes go on). Then site A loses both of its links while a client writes
 * straight to A's server: A stops accepting writes and demotes itself (no write is acknowledged at A that B
 * lacks), B is promoted by the majority B + witness; when the links come back, A rejoins by itself as B's
 * synchronous standby through pg_rewind, refuses writes, follows B, and the app's multi-host URL finds only B.
 * Last, the console's planned switchover (Patroni's REST API over TLS with its password) moves the lead back to A.
 * Replaces the fenced-old-primary test of the former hand-made fencing script.
 */
class PatroniPartitionIT {

    @Test
    void aLostWitnessChangesNothingAndACutOffSiteDemotesItselfAndRejoinsAsStandby() throws Exception {
        try (PatroniSites sites = PatroniSites.start(true)) {
            int timeline = sites.timeline(Site.A);
            sites.killEtcd(Site.WITNESS);
            Instant witnessDown = Instant.now();
            try (SteadyWrites writes = SteadyWrites.start(sites::connectPrimary, "witness-down")) {
                Duration watch = Duration.ofSeconds(PatroniSites.TTL + 2L * PatroniSites.LOOP_WAIT);
                while (Duration.between(witnessDown, Instant.now()).compareTo(watch) < 0) {
                    assertEquals(Optional.of(Site.A), sites.leader(), "the leader stays while the witness is down");
                    Thread.sleep(1000);
                }
                assertTrue(writes.count() >= 20, "writes go on without the witness: " + writes.count());
                assertEquals(0, writes.failures(), "no write failed without the witness");
            }
            assertTrue(sites.synchronousStandby(Site.B), "B still confirms commits synchronously");
            assertEquals(timeline, sites.timeline(Site.A), "no failover happened");
            sites.restartEtcd(Site.WITNESS);

            Instant cut;
            Set<Integer> acknowledgedAtA;
            try (SteadyWrites atA = SteadyWrites.alsoFrom(() -> sites.connect(Site.A), "at-a", 1_000_000)) {
                sites.await(Duration.ofSeconds(60), "writes at A", () -> atA.count() >= 20);
                sites.cut(Site.A);
                cut = Instant.now();
                sites.await(Duration.ofSeconds(90), "site A demoted (no longer a primary)", () -> {
                    try {
                        return sites.inRecovery(Site.A);
                    } catch (SQLException stoppedOrStarting) {
                        return false;
                    }
                });
                System.out.printf("BENCH patroni partition: A demoted %d ms after the cut (ttl %d s)%n",
                        Duration.between(cut, Instant.now()).toMillis(), PatroniSites.TTL);
                sites.await(Duration.ofSeconds(90), "site B promoted by B and the witness", () -> sites.leader().equals(Optional.of(Site.B)));
                System.out.printf("BENCH patroni partition: B leader %d ms after the cut%n", Duration.between(cut, Instant.now()).toMillis());
                acknowledgedAtA = atA.acknowledged();
                assertEquals(0, atA.acknowledgedAfter(cut), "no write started at the cut-off site A was acknowledged (strict: B must confirm)");
            }
            try (Connection b = sites.connect(Site.B)) {
                Set<Integer> missing = new HashSet<>(acknowledgedAtA);
                missing.removeAll(SteadyWrites.stored(b));
                assertEquals(Set.of(), missing, "every write acknowledged at A is on B");
            }

            sites.heal(Site.A);
            Instant healed = Instant.now();
            sites.await(Duration.ofSeconds(120), "site A back as B's synchronous standby", () -> sites.synchronousStandby(Site.A));
            System.out.printf("BENCH patroni partition: A synchronous standby again %d ms after the heal%n",
                    Duration.between(healed, Instant.now()).toMillis());
            assertTrue(Files.readString(sites.patroniLog(Site.A)).contains("running pg_rewind from"),
                    "A's diverged history was rewound onto B's");
            assertEquals(Optional.of(Site.B), sites.leader(), "B keeps the lead after the heal");
            try (Connection a = sites.connect(Site.A)) {
                assertTrue(sites.inRecovery(Site.A), "A runs only as a standby");
                SQLException refused = assertThrows(SQLException.class, () -> a.createStatement().execute("INSERT INTO written (n) VALUES (-1)"));
                assertEquals("25006", refused.getSQLState(), "read-only: never a second writer");
            }
            try (Connection primary = sites.connectPrimary(); var role = primary.createStatement().executeQuery("SELECT pg_is_in_recovery()")) {
                role.next();
                assertFalse(role.getBoolean(1), "the multi-host URL finds only the primary, B");
                primary.createStatement().execute("INSERT INTO written (n) VALUES (-2)");
            }
            try (Connection a = sites.connect(Site.A)) {
                assertTrue(SteadyWrites.stored(a).contains(-2), "A follows B: a synchronous commit at B is on A");
            }

            // The console's planned switchover (sites.PatroniCluster, Patroni's POST /switchover with the REST password):
            // back to A, B follows. A stale leader in the request is refused and changes nothing.
            PatroniCluster patroni = new PatroniCluster(sites.restConfig(Site.B, Site.A));
            assertThrows(SwitchoverRefused.class, () -> patroni.switchover(Site.A.member(), Site.B.member()));
            assertEquals(Optional.of(Site.B), sites.leader(), "a refused switchover changes nothing");
            String answer = patroni.switchover(Site.B.member(), Site.A.member());
            assertTrue(answer.contains(Site.A.member()), answer);
            sites.await(Duration.ofSeconds(90), "site A leading after the switchover", () -> sites.leader().equals(Optional.of(Site.A)));
            sites.await(Duration.ofSeconds(120), "site B as A's synchronous standby", () -> sites.synchronousStandby(Site.B));
            assertEquals(Site.A.member(), patroni.view().orElseThrow().leaderName());
        }
    }
}
