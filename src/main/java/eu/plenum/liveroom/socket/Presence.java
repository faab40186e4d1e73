package eu.plenum.liveroom.socket;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Who is in a room across every app node: one {@code live_presence} row per open socket. A count, not
 * an event per join: with thousands of attendees a join storm would otherwise flood every socket.
 */
@ApplicationScoped
class Presence {

    private static final Logger LOG = Logger.getLogger(Presence.class);
    /** The list moderators get is capped: beyond it they see the count. */
    static final int LIST_LIMIT = 500;

    record Count(long count, List<Map<String, Object>> list) {
    }

    /** Looked up when used: an edge node has no datasource, and injecting it directly fails that node's start. */
    private final jakarta.enterprise.inject.Instance<AgroalDataSource> databases;
    private final String nodeId;
    private final Duration every;

    Presence(jakarta.enterprise.inject.Instance<AgroalDataSource> databases, @ConfigProperty(name = "plenum.node-id", defaultValue = "local") String nodeId,
            eu.plenum.liveroom.LiveConfig config) {
        this.databases = databases;
        this.nodeId = nodeId;
        this.every = config.presenceEvery();
    }

    void joined(LiveConnection connection) {
        update("""
                INSERT INTO live_presence (connection_id, session_id, node_id, participant_id, display_name, role, seen_at)
                VALUES (?, ?, ?, ?, ?, ?, now())""", connection.presenceId, connection.who.sessionId(), nodeId,
                connection.who.participantId(), connection.who.displayName(), connection.who.role().name());
    }

    void left(LiveConnection connection) {
        update("DELETE FROM live_presence WHERE connection_id = ?", connection.presenceId);
    }

    /** This node's sockets are still there; rows of nodes silent for three ticks go. */
    void refresh() {
        update("UPDATE live_presence SET seen_at = now() WHERE node_id = ?", nodeId);
        update("DELETE FROM live_presence WHERE seen_at < now() - make_interval(secs => ?)", every.toMillis() * 3 / 1000.0);
    }

    Count of(UUID sessionId) {
        try (Connection connection = databases.get().getConnection(); PreparedStatement query = connection.prepareStatement("""
                SELECT participant_id, min(display_name), min(role) FROM live_presence WHERE session_id = ?
                GROUP BY participant_id ORDER BY min(display_name) LIMIT ?""")) {
            query.setObject(1, sessionId);
            query.setInt(2, LIST_LIMIT + 1);
            List<Map<String, Object>> list = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    list.add(Map.of("participantId", rows.getObject(1, UUID.class).toString(), "displayName", rows.getString(2),
                            "role", rows.getString(3)));
                }
            }
            long count = list.size();
            if (count > LIST_LIMIT) {
                count = countAll(connection, sessionId);
                list = list.subList(0, LIST_LIMIT);
            }
            return new Count(count, list);
        } catch (SQLException e) {
            throw new IllegalStateException("Presence could not be read", e);
        }
    }

    private long countAll(Connection connection, UUID sessionId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT count(DISTINCT participant_id) FROM live_presence WHERE session_id = ?")) {
            query.setObject(1, sessionId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = databases.get().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Presence was not updated: %s", e.toString());
        }
    }
}
