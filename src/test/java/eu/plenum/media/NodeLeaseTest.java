package eu.plenum.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PlenumTestServers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every app node renews a lease; a live room whose node's lease ran out (the node died, or came
 * back under a new instance id) is ended by the nodes that are still there, and only that room.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class NodeLeaseTest {

    @Inject
    DataSource database;

    @Test
    void aLiveRoomOfANodeWhoseLeaseRanOutIsEndedAndOnlyThatOne() throws Exception {
        LiveRoomMediaTest.Room doomed = LiveRoomMediaTest.openRoom("On a node that vanished");
        LiveRoomMediaTest.Room kept = LiveRoomMediaTest.openRoom("On a node that is alive");
        String vanished = "vanished-" + UUID.randomUUID();
        String alive = "alive-" + UUID.randomUUID();
        try (Connection connection = database.getConnection()) {
            execute(connection, "INSERT INTO app_node (id, started_at, renewed_at) VALUES (?, now() - interval '10 minutes', "
                    + "now() - interval '5 minutes')", vanished);
            execute(connection, "INSERT INTO app_node (id, renewed_at) VALUES (?, now() + interval '1 hour')", alive);
            goneLiveOn(connection, doomed.id(), vanished);
            goneLiveOn(connection, kept.id(), alive);
        }

        JsonPath ended = LiveRoomMediaTest.awaitRoom(doomed.id(), room -> "ENDED".equals(room.getString("status")),
                Duration.ofSeconds(60));
        assertEquals("MEDIA_FAILURE", ended.getString("endedReason"), ended.prettify());
        assertTrue(ended.getString("history.detail").contains("stopped renewing its lease"), ended.getString("history.detail"));
        assertEquals("LIVE", LiveRoomMediaTest.room(kept.id()).getString("status"), "a room whose node renews its lease stays");

        try (Connection connection = database.getConnection();
                PreparedStatement own = connection.prepareStatement(
                        "SELECT count(*) FROM app_node WHERE id = 'local' AND renewed_at > now() - interval '30 seconds'")) {
            ResultSet result = own.executeQuery();
            result.next();
            assertEquals(1, result.getInt(1), "this node renews its own lease");
            execute(connection, "UPDATE live_room SET status = 'ENDED', ended_reason = 'HOST_ENDED', ended_at = now() WHERE id = ?::uuid",
                    kept.id());
            execute(connection, "DELETE FROM app_node WHERE id = ?", alive);
        }
    }

    /** A node that died while a room was going live on it (worker being started) left it STARTING: it is ended too. */
    @Test
    void aRoomThatWasStartingOnANodeWhoseLeaseRanOutIsEnded() throws Exception {
        LiveRoomMediaTest.Room stuck = LiveRoomMediaTest.openRoom("Going live on a node that vanished");
        LiveRoomMediaTest.Room starting = LiveRoomMediaTest.openRoom("Going live on a node that is alive");
        String vanished = "vanished-" + UUID.randomUUID();
        String alive = "alive-" + UUID.randomUUID();
        try (Connection connection = database.getConnection()) {
            execute(connection, "INSERT INTO app_node (id, started_at, renewed_at) VALUES (?, now() - interval '10 minutes', "
                    + "now() - interval '5 minutes')", vanished);
            execute(connection, "INSERT INTO app_node (id, renewed_at) VALUES (?, now() + interval '1 hour')", alive);
            startingOn(connection, stuck.id(), vanished);
            startingOn(connection, starting.id(), alive);
        }

        JsonPath ended = LiveRoomMediaTest.awaitRoom(stuck.id(), room -> "ENDED".equals(room.getString("status")),
                Duration.ofSeconds(60));
        assertEquals("MEDIA_FAILURE", ended.getString("endedReason"), ended.prettify());
        assertTrue(ended.getString("history.detail").contains("stopped renewing its lease"), ended.getString("history.detail"));
        assertEquals("STARTING", LiveRoomMediaTest.room(starting.id()).getString("status"), "a room whose node renews its lease stays");

        try (Connection connection = database.getConnection()) {
            execute(connection, "UPDATE live_room SET status = 'ENDED', ended_reason = 'NO_WORKER', ended_at = now() WHERE id = ?::uuid",
                    starting.id());
            execute(connection, "DELETE FROM app_node WHERE id = ?", alive);
        }
    }

    private static void startingOn(Connection connection, String roomId, String node) throws Exception {
        execute(connection, "UPDATE live_room SET status = 'STARTING', worker_id = NULL, worker_node = ? WHERE id = '"
                + UUID.fromString(roomId) + "'", node);
    }

    private static void goneLiveOn(Connection connection, String roomId, String node) throws Exception {
        execute(connection, "UPDATE live_room SET status = 'LIVE', worker_id = 'w-" + node.hashCode() + "', worker_node = ?, "
                + "worker_region = 'eu-fra', went_live_at = now() WHERE id = '" + UUID.fromString(roomId) + "'", node);
    }

    private static void execute(Connection connection, String sql, String parameter) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        }
    }
}
