package eu.plenum.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PatroniSites;
import eu.plenum.testsupport.PatroniSites.Site;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Patroni without a human, on a crash: under a steady write load through the app's multi-host JDBC URL,
 * site A's PostgreSQL (postmaster and its processes) is killed with SIGKILL. Patroni at A does not restart it in place
 * (primary_start_timeout 0: the synchronous standby has every commit, so failing over loses nothing),
 * site B's standby is promoted, the same client writes again without being restarted, no acknowledged
 * write is missing on B, and A comes back by itself as B's synchronous standby that refuses writes.
 * Then B's whole node dies (Patroni, PostgreSQL and etcd): A and the witness are a majority, A is promoted,
 * writes go on, and B's node, started again, is rewound and rejoins as A's synchronous standby.
 * Last, the witness's etcd and B's node die together: A's etcd member alone is no majority, A cannot renew its leader
 * key and demotes itself to a read-only server (no site writes without a quorum — the price of never two writers).
 * Runs with plenum.sites.on-standby-loss=degrade (synchronous_mode without strict): B takes writes while A
 * is still rejoining.
 */
class PatroniKillIT {

    @Test
    void theOtherSitesStandbyTakesOverAfterTheCrashWithoutLosingAnAcknowledgedWrite() throws Exception {
        try (PatroniSites sites = PatroniSites.start(false)) {
            Instant killed;
            Set<Integer> acknowledged;
            try (SteadyWrites writes = SteadyWrites.start(sites::connectPrimary, "kill")) {
                sites.await(Duration.ofSeconds(60), "30 acknowledged writes at site A", () -> writes.count() >= 30);
                sites.killPostmaster(Site.A);
                killed = Instant.now();
                sites.await(Duration.ofSeconds(90), "site B promoted by Patroni", () -> sites.leader().equals(Optional.of(Site.B)));
                sites.await(Duration.ofSeconds(90), "10 writes acknowledged after the crash", () -> writes.acknowledgedAfter(killed) >= 10);
                System.out.printf("BENCH patroni kill -9 postmaster: first acknowledged write after %d ms (%d failed attempts)%n",
                        Duration.between(killed, writes.firstAcknowledgedAfter(killed)).toMillis(), writes.failures());
                acknowledged = writes.acknowledged();
            }
            assertFalse(sites.inRecovery(Site.B), "B is the primary now");
            Set<Integer> lost = new HashSet<>(acknowledged);
            try (Connection b = sites.connect(Site.B)) {
                lost.removeAll(SteadyWrites.stored(b));
            }
            assertEquals(Set.of(), lost, "acknowledged writes lost (RPO must be 0)");

            sites.await(Duration.ofSeconds(180), "site A back as B's synchronous standby", () -> sites.synchronousStandby(Site.A));
            try (Connection a = sites.connect(Site.A)) {
                assertTrue(sites.inRecovery(Site.A), "A runs only as a standby");
                SQLException refused = assertThrows(SQLException.class, () -> a.createStatement().execute("INSERT INTO written (n) VALUES (-1)"));
                assertEquals("25006", refused.getSQLState(), "read-only: never a second writer");
            }
            try (Connection primary = sites.connectPrimary(); var port = primary.createStatement().executeQuery("SELECT pg_is_in_recovery()")) {
                port.next();
                assertFalse(port.getBoolean(1), "the multi-host URL finds the primary");
                primary.createStatement().execute("INSERT INTO written (n) VALUES (-2)");
            }
            try (Connection a = sites.connect(Site.A)) {
                sites.await(Duration.ofSeconds(30), "a write at B replicated to A", () -> {
                    try {
                        return SteadyWrites.stored(a).contains(-2);
                    } catch (SQLException e) {
                        return false;
                    }
                });
            }

            // The console's view (sites.PatroniCluster over TLS with the REST password): B leads, A is its synchronous
            // standby, and the last promotion (timeline 1 -> 2) was B's.
            PatroniCluster patroni = new PatroniCluster(sites.restConfig(Site.A, Site.B));
            sites.await(Duration.ofSeconds(30), "Patroni's history naming B's promotion", () -> patroni.view()
                    .flatMap(PatroniView::lastFailover).filter(failover -> failover.newLeader().equals(Site.B.member())).isPresent());
            PatroniView view = patroni.view().orElseThrow();
            assertEquals(Site.B.member(), view.leaderName());
            assertEquals(List.of(Site.A.member()), view.candidates().stream().map(PatroniView.Member::name).toList());
            PatroniView.Member standby = view.members().stream().filter(member -> member.name().equals(Site.A.member())).findFirst().orElseThrow();
            assertEquals("sync_standby", standby.role(), view.toString());
            assertEquals(sites.timeline(Site.B), view.latestFailover().timeline() + 1, view.toString());

            Instant nodeLost;
            try (SteadyWrites writes = SteadyWrites.alsoFrom(sites::connectPrimary, "node", 1_000_000)) {
                sites.await(Duration.ofSeconds(60), "writes at B", () -> writes.count() >= 20);
                sites.killNode(Site.B);
                nodeLost = Instant.now();
                sites.await(Duration.ofSeconds(90), "site A promoted by A and the witness", () -> sites.leader().equals(Optional.of(Site.A)));
                sites.await(Duration.ofSeconds(90), "10 writes acknowledged after the node loss", () -> writes.acknowledgedAfter(nodeLost) >= 10);
                System.out.printf("BENCH patroni node killed: first acknowledged write after %d ms%n",
                        Duration.between(nodeLost, writes.firstAcknowledgedAfter(nodeLost)).toMillis());
                acknowledged = writes.acknowledged();
            }
            Set<Integer> lostWithTheNode = new HashSet<>(acknowledged);
            try (Connection a = sites.connect(Site.A)) {
                lostWithTheNode.removeAll(SteadyWrites.stored(a));
            }
            assertEquals(Set.of(), lostWithTheNode, "acknowledged writes lost with B's node");
            sites.startNode(Site.B);
            sites.await(Duration.ofSeconds(180), "site B back as A's synchronous standby", () -> sites.synchronousStandby(Site.B));
            assertTrue(sites.inRecovery(Site.B), "B runs only as a standby");

            // Witness and B down: A's etcd member is alone (1 of 3), A cannot renew its leader key and demotes itself
            // — the documented price of never having two writers: no site writes without a majority.
            Instant quorumLost;
            try (SteadyWrites atA = SteadyWrites.alsoFrom(() -> sites.connect(Site.A), "quorum", 2_000_000)) {
                sites.await(Duration.ofSeconds(60), "writes at A", () -> atA.count() >= 10);
                sites.killEtcd(Site.WITNESS);
                sites.killNode(Site.B);
                quorumLost = Instant.now();
                sites.await(Duration.ofSeconds(90), "site A refusing writes without a quorum", () -> {
                    try {
                        return sites.inRecovery(Site.A);
                    } catch (SQLException stoppedOrStarting) {
                        return false;
                    }
                });
                System.out.printf("BENCH patroni witness and B down: A read-only %d ms after the loss (ttl %d s)%n",
                        Duration.between(quorumLost, Instant.now()).toMillis(), PatroniSites.TTL);
            }
            Instant readOnly = Instant.now();
            while (Duration.between(readOnly, Instant.now()).toSeconds() < 3L * PatroniSites.LOOP_WAIT) {
                try (Connection a = sites.connect(Site.A)) {
                    SQLException refused = assertThrows(SQLException.class,
                            () -> a.createStatement().execute("INSERT INTO written (n) VALUES (-3)"));
                    assertEquals("25006", refused.getSQLState(), "A stays read-only while it has no quorum");
                } catch (SQLException restarting) {
                    // Patroni restarting A's server as a standby: not a writer either
                }
                Thread.sleep(500);
            }
        }
    }
}
