package eu.plenum.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Failover with fencing, with real PostgreSQL servers: the primary dies, the standby is promoted
 * and takes writes; the old primary is fenced with deploy/sites/fence-old-primary and comes back
 * only as a standby of the new primary — it refuses writes, follows the new primary, is never
 * chosen by the app's multi-host URL, and can become the synchronous standby (ready for failback).
 */
class FencedOldPrimaryIT {

    @Test
    void theOldPrimaryComesBackOnlyAsAStandbyOfTheNewOne() throws Exception {
        try (PostgresServer primary = PostgresServer.primary("siteb"); PostgresServer standby = PostgresServer.standbyOf(primary, "siteb")) {
            primary.awaitSynchronousStandby();
            execute(primary, "CREATE TABLE written (n int)", "INSERT INTO written VALUES (1)");
            primary.kill();
            standby.promoteAlone();
            execute(standby, "INSERT INTO written VALUES (2)");

            primary.fenceAsStandbyOf(standby, "sitea");

            try (Connection old = primary.connect("postgres"); Statement statement = old.createStatement()) {
                assertTrue(bool(statement, "SELECT pg_is_in_recovery()"), "the fenced server is a standby");
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute("INSERT INTO written VALUES (99)"));
                assertEquals("25006", refused.getSQLState(), "read-only: it cannot be a second writer");
            }
            execute(standby, "INSERT INTO written VALUES (3)");
            awaitRows(primary, 3);

            String url = "jdbc:postgresql://127.0.0.1:" + primary.port() + ",127.0.0.1:" + standby.port()
                    + "/postgres?targetServerType=primary";
            try (Connection app = DriverManager.getConnection(url, "postgres", ""); Statement statement = app.createStatement();
                    ResultSet port = statement.executeQuery("SELECT inet_server_port()")) {
                port.next();
                assertEquals(standby.port(), port.getInt(1), "the app's URL finds only the new primary");
            }

            execute(standby, "ALTER SYSTEM SET synchronous_standby_names = 'FIRST 1 (sitea)'", "SELECT pg_reload_conf()");
            standby.awaitSynchronousStandby();
            execute(standby, "INSERT INTO written VALUES (4)");
            awaitRows(primary, 4);
        }
    }

    private static void execute(PostgresServer server, String... statements) throws SQLException {
        try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static boolean bool(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private static void awaitRows(PostgresServer server, int rows) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        int found = -1;
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT count(*) FROM written")) {
                count.next();
                found = count.getInt(1);
                if (found == rows) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the fenced server has " + found + " rows, not " + rows + ": it does not follow the new primary");
    }
}
