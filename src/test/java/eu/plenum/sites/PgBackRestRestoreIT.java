package eu.plenum.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PgBackRest;
import eu.plenum.testsupport.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The site backups as deploy/sites/pgbackrest configures them, on Debian's PostgreSQL and pgbackrest: WAL archived
 * continuously, a full and an incremental base backup, then a point-in-time restore into a fresh data directory
 * brings back exactly the rows committed before the target (some of them only in the archived WAL, none after it);
 * the repository holds no clear text (aes-256-cbc), and a further full backup expires the oldest one (retention).
 */
class PgBackRestRestoreIT {

    private static final String MARKER = "plenum-backup-clear-text-marker";

    @Test
    void aPointInTimeRestoreBringsBackExactlyTheRowsCommittedBeforeTheTarget() throws Exception {
        try (PgBackRest backRest = PgBackRest.posixRepository(1); PostgresServer site = PostgresServer.single(backRest.archiveSettings())) {
            backRest.createStanza(site);
            execute(site, "CREATE TABLE written (n int PRIMARY KEY, note text)");
            insert(site, 1, 100);
            backRest.backup("full");
            insert(site, 101, 200);
            backRest.backup("incr");
            insert(site, 201, 300); // only in the archived WAL
            String target = query(site, "SELECT clock_timestamp()::text");
            Thread.sleep(50);
            insert(site, 301, 400); // after the target: must not come back
            backRest.check();
            String info = backRest.info();
            assertTrue(info.contains("\"cipher\":\"aes-256-cbc\""), info);
            assertEquals(2, backups(info), "a full and an incremental backup: " + info);
            assertFalse(anyFileContains(backRest.repository(), MARKER), "the repository holds rows in clear text");

            try (PostgresServer restored = PostgresServer.restoredBy(into -> backRest.restore(into,
                    List.of("--type=time", "--target=" + target, "--target-action=promote")))) {
                assertEquals(300, count(restored), "rows 1-300 (backups and WAL) and none committed after the target");
                assertEquals("300", query(restored, "SELECT max(n)::text FROM written"));
                execute(restored, "INSERT INTO written (n, note) VALUES (401, 'after the restore')");
            }
            assertEquals(400, count(site), "the site itself is untouched by the restore");

            backRest.backup("full");
            String after = backRest.info();
            assertEquals(1, backups(after), "retention 1: the new full backup expired the older chain: " + after);
        }
    }

    private static void insert(PostgresServer server, int from, int to) throws Exception {
        execute(server, "INSERT INTO written (n, note) SELECT n, '" + MARKER + " ' || n FROM generate_series(" + from + ", " + to + ") n");
    }

    private static long count(PostgresServer server) throws Exception {
        return Long.parseLong(query(server, "SELECT count(*)::text FROM written"));
    }

    private static void execute(PostgresServer server, String sql) throws Exception {
        try (Connection connection = server.connect("postgres")) {
            connection.createStatement().execute(sql);
        }
    }

    private static String query(PostgresServer server, String sql) throws Exception {
        try (Connection connection = server.connect("postgres"); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static int backups(String info) {
        Matcher label = Pattern.compile("\"label\":\"[0-9]{8}-[0-9]{6}F[^\"]*\"").matcher(info);
        int count = 0;
        while (label.find()) {
            count++;
        }
        return count;
    }

    private static boolean anyFileContains(Path repository, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(repository)) {
            return files.filter(Files::isRegularFile).anyMatch(file -> {
                try {
                    return indexOf(Files.readAllBytes(file), needle) >= 0;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
