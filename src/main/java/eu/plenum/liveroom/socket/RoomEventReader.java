package eu.plenum.liveroom.socket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.plenum.liveroom.LiveEvents;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads a room's events after an id, in id order, straight from {@code live_event} (plain JDBC: it runs for every notification). */
@ApplicationScoped
class RoomEventReader {

    static final int PAGE = 500;

    /** Looked up when used: an edge node has no datasource, and injecting it directly fails that node's start. */
    private final jakarta.enterprise.inject.Instance<AgroalDataSource> databases;
    private final ObjectMapper json;

    RoomEventReader(jakarta.enterprise.inject.Instance<AgroalDataSource> databases, ObjectMapper json) {
        this.databases = databases;
        this.json = json;
    }

    /** At most {@link #PAGE} events of the session with {@code after < id <= upTo}, oldest first. */
    List<RoomEvent> after(UUID sessionId, long after, long upTo) {
        try (Connection connection = databases.get().getConnection(); PreparedStatement query = connection.prepareStatement("""
                SELECT id, type, audience, actor_participant, payload::text, moderator_payload::text, created_at
                FROM live_event WHERE session_id = ? AND id > ? AND id <= ? ORDER BY id LIMIT ?""")) {
            query.setObject(1, sessionId);
            query.setLong(2, after);
            query.setLong(3, upTo);
            query.setInt(4, PAGE);
            List<RoomEvent> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(event(rows.getLong(1), rows.getString(2), LiveEvents.Audience.valueOf(rows.getString(3)),
                            rows.getObject(4, UUID.class), rows.getString(5), rows.getString(6), rows.getTimestamp(7)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("Live events of a session could not be read", e);
        }
    }

    /** The last id of the session's log (0 when nothing happened yet). */
    long lastId(UUID sessionId) {
        try (Connection connection = databases.get().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT last_id FROM live_event_counter WHERE session_id = ?")) {
            query.setObject(1, sessionId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The last live event id could not be read", e);
        }
    }

    private RoomEvent event(long id, String type, LiveEvents.Audience audience, UUID actor, String payload, String moderatorPayload,
            Timestamp at) {
        try {
            ObjectNode data = (ObjectNode) json.readTree(payload);
            ObjectNode frame = json.createObjectNode().put("type", "event").put("id", id).put("event", type)
                    .put("at", at.toInstant().toString());
            frame.set("data", data);
            String everyone = json.writeValueAsString(frame);
            String moderators = everyone;
            if (moderatorPayload != null) {
                ObjectNode all = data.deepCopy();
                all.setAll((ObjectNode) json.readTree(moderatorPayload));
                frame.set("data", all);
                moderators = json.writeValueAsString(frame);
            }
            return new RoomEvent(id, type, audience, actor, everyone, moderators);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
