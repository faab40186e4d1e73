package eu.plenum.sites;

import eu.plenum.testsupport.PgBackRest;
import eu.plenum.testsupport.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Not a CI test (the *Benchmark exclusion): how long pgbackrest takes to back up and restore a seeded database with the
 * sites' options (aes-256-cbc, zst, process-max 2) into a posix repository. The database is pgbench's, at scale
 * {@code -Dplenum.bench.scale} (default 50, ~750 MB). Command and results: docs/benchmarks.md ("Database backups").
 */
class BackupBenchmark {

    @Test
    void backupAndRestoreDurations() throws Exception {
        int scale = Integer.getInteger("plenum.bench.scale", 50);
        try (PgBackRest backRest = PgBackRest.posixRepository(2, "zst");
                PostgresServer site = PostgresServer.single(backRest.archiveSettings())) {
            backRest.createStanza(site);
            Instant seeding = Instant.now();
            Process pgbench = new ProcessBuilder("runuser", "-u", "postgres", "--", "/usr/lib/postgresql/15/bin/pgbench", "-i", "-q",
                    "-s", String.valueOf(scale), "-h", "127.0.0.1", "-p", String.valueOf(site.port()), "postgres")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!pgbench.waitFor(20, TimeUnit.MINUTES) || pgbench.exitValue() != 0) {
                throw new AssertionError("pgbench -i failed");
            }
            String size = query(site, "SELECT pg_size_pretty(pg_database_size('postgres'))");
            System.out.printf("BENCH backup: seeded scale %d (%s) in %d ms%n", scale, size, Duration.between(seeding, Instant.now()).toMillis());

            Instant full = Instant.now();
            backRest.backup("full");
            System.out.printf("BENCH backup: full backup of %s in %d ms%n", size, Duration.between(full, Instant.now()).toMillis());
            try (Connection connection = site.connect("postgres")) {
                connection.createStatement().execute("UPDATE pgbench_accounts SET abalance = abalance + 1 WHERE aid % 100 = 0");
            }
            Instant diff = Instant.now();
            backRest.backup("diff");
            System.out.printf("BENCH backup: differential backup after 1%% of rows changed in %d ms%n",
                    Duration.between(diff, Instant.now()).toMillis());
            backRest.check();
            System.out.printf("BENCH backup: repository size %d MB%n", sizeOf(backRest.repository()) / 1_000_000);

            Instant restore = Instant.now();
            try (PostgresServer restored = PostgresServer.restoredBy(into -> backRest.restore(into, List.of("--type=default")))) {
                System.out.printf("BENCH backup: restore (latest: full + differential + WAL) until the server accepts writes in %d ms (%s rows)%n",
                        Duration.between(restore, Instant.now()).toMillis(), query(restored, "SELECT count(*) FROM pgbench_accounts"));
            }
        }
    }

    private static String query(PostgresServer server, String sql) throws Exception {
        try (Connection connection = server.connect("postgres"); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long sizeOf(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
