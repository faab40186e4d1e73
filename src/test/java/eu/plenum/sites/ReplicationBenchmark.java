package eu.plenum.sites;

import eu.plenum.testsupport.DelayedLink;
import eu.plenum.testsupport.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Figures for docs/benchmarks.md (./mvnw verify -Pbench -Dtest=ReplicationBenchmark), with real
 * PostgreSQL servers from Debian's packages on loopback: the commit latency of synchronous vs.
 * asynchronous replication, the standby's lag under a write load, and the database RTO
 * (SIGKILL of the primary → first commit on the promoted standby) over several runs.
 */
class ReplicationBenchmark {

    private static final int COMMITS = 1000;
    private static final int RTO_RUNS = 5;

    @Test
    void synchronousVersusAsynchronousCommitsAndLagUnderLoad() throws Exception {
        try (PostgresServer primary = PostgresServer.primary("siteb"); PostgresServer standby = PostgresServer.standbyOf(primary, "siteb")) {
            measure(primary, "no added link latency");
        }
    }

    /** The same over a link with 10 ms round trip (5 ms each way, {@link DelayedLink}: this kernel has no netem). */
    @Test
    void overALinkWith10MillisecondsRoundTrip() throws Exception {
        try (PostgresServer primary = PostgresServer.primary("siteb"); DelayedLink link = DelayedLink.to(primary.port(), 5);
                PostgresServer standby = PostgresServer.standbyOf(primary, "siteb", link.port())) {
            measure(primary, "link RTT +10 ms");
        }
    }

    /** Commit latency synchronous vs. asynchronous, then the standby's lag under load, over the given link. */
    private static void measure(PostgresServer primary, String link) throws Exception {
        primary.awaitSynchronousStandby();
        try (Connection connection = primary.connect("postgres")) {
            connection.createStatement().execute("CREATE TABLE bench (id bigserial PRIMARY KEY, payload text)");
            print("synchronous (remote flush), " + link, commitLatencies(connection, "on"));
            print("asynchronous (local flush), " + link, commitLatencies(connection, "local"));
        }
        lagUnderLoad(primary, link);
    }

    @Test
    void databaseRtoOverSeveralRuns() throws Exception {
        List<Long> rtos = new ArrayList<>();
        for (int run = 0; run < RTO_RUNS; run++) {
            try (PostgresServer primary = PostgresServer.primary("siteb"); PostgresServer standby = PostgresServer.standbyOf(primary, "siteb")) {
                primary.awaitSynchronousStandby();
                String url = "jdbc:postgresql://127.0.0.1:" + primary.port() + ",127.0.0.1:" + standby.port()
                        + "/postgres?targetServerType=primary&connectTimeout=1";
                try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
                    connection.createStatement().execute("CREATE TABLE written (n int)");
                }
                primary.kill();
                Instant killed = Instant.now();
                standby.promoteAlone();
                while (true) {
                    try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
                        connection.createStatement().execute("INSERT INTO written VALUES (1)");
                        break;
                    } catch (java.sql.SQLException notYet) {
                        Thread.sleep(20);
                    }
                }
                rtos.add(Duration.between(killed, Instant.now()).toMillis());
            }
        }
        List<Long> sorted = rtos.stream().sorted().toList();
        System.out.printf("BENCH database RTO (SIGKILL primary → promote at once → first commit), %d runs: %s ms, median %d ms%n",
                RTO_RUNS, rtos, sorted.get(sorted.size() / 2));
    }

    private static List<Double> commitLatencies(Connection connection, String synchronousCommit) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET synchronous_commit TO " + synchronousCommit);
        }
        List<Double> millis = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench (payload) VALUES (?)")) {
            for (int i = 0; i < COMMITS; i++) {
                insert.setString(1, "registration " + i);
                long start = System.nanoTime();
                insert.executeUpdate();
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        return millis;
    }

    private static void lagUnderLoad(PostgresServer primary, String link) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<Integer>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            done.add(writers.submit(() -> {
                int n = 0;
                try (Connection connection = primary.connect("postgres");
                        PreparedStatement insert = connection.prepareStatement("INSERT INTO bench (payload) VALUES (repeat('x', 500))")) {
                    while (running.get()) {
                        insert.executeUpdate();
                        n++;
                    }
                }
                return n;
            }));
        }
        long maxBytes = 0;
        double maxSeconds = 0;
        Instant end = Instant.now().plusSeconds(10);
        try (Connection connection = primary.connect("postgres"); Statement statement = connection.createStatement()) {
            while (Instant.now().isBefore(end)) {
                try (ResultSet rows = statement.executeQuery("SELECT COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), 0)::bigint,"
                        + " COALESCE(EXTRACT(EPOCH FROM replay_lag), 0)::float8 FROM pg_stat_replication")) {
                    while (rows.next()) {
                        maxBytes = Math.max(maxBytes, rows.getLong(1));
                        maxSeconds = Math.max(maxSeconds, rows.getDouble(2));
                    }
                }
                Thread.sleep(100);
            }
        }
        running.set(false);
        int commits = 0;
        for (Future<Integer> writer : done) {
            commits += writer.get();
        }
        writers.shutdown();
        System.out.printf("BENCH replication under load (4 writers, synchronous, 10 s, %s): %d commits (%.0f/s),"
                + " standby replay lag max %d bytes, %.3f s%n", link, commits, commits / 10.0, maxBytes, maxSeconds);
    }

    private static void print(String kind, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf("BENCH commit latency, %s, %d single-row commits: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n", kind,
                sorted.size(), sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.95)), sorted.get((int) (sorted.size() * 0.99)));
    }

}
