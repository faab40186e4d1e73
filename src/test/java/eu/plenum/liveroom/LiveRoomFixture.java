package eu.plenum.liveroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.plenum.testsupport.SqlSeed;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.function.Executable;

/** A live room on a freshly seeded webinar session, its participants, frames and the events it logged, straight from PostgreSQL. */
final class LiveRoomFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    final UUID sessionId;
    final UUID webinarId;
    final String tenantId;
    private final AgroalDataSource dataSource;

    /** One event as stored in live_event. */
    record Logged(long id, String type, String audience, UUID actor, JsonNode payload, JsonNode moderatorPayload) {
    }

    private LiveRoomFixture(AgroalDataSource dataSource, UUID sessionId, UUID webinarId, String tenantId) {
        this.dataSource = dataSource;
        this.sessionId = sessionId;
        this.webinarId = webinarId;
        this.tenantId = tenantId;
    }

    /** A new tenant with one webinar and its session. */
    static LiveRoomFixture seed(AgroalDataSource dataSource) throws SQLException {
        String tenant = "live-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = dataSource.getConnection()) {
            UUID webinar = SqlSeed.webinarWithOneSession(connection, tenant, "Live room", OffsetDateTime.now().plusDays(1));
            try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM webinar_session WHERE webinar_id = ?")) {
                statement.setObject(1, webinar);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    return new LiveRoomFixture(dataSource, result.getObject(1, UUID.class), webinar, tenant);
                }
            }
        }
    }

    Participant attendee(String name) {
        return new Participant(sessionId, webinarId, tenantId, UUID.randomUUID(), UUID.randomUUID(), name,
                Participant.Role.ATTENDEE);
    }

    Participant host(String name) {
        return new Participant(sessionId, webinarId, tenantId, UUID.randomUUID(), null, name, Participant.Role.HOST);
    }

    static JsonNode frame(Object... fieldsAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return JSON.valueToTree(fields);
    }

    static void refused(String code, Executable frame) {
        assertEquals(code, assertThrows(LiveRefusal.class, frame).code());
    }

    List<Logged> events() throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement("""
                SELECT id, type, audience, actor_participant, CAST(payload AS text), CAST(moderator_payload AS text)
                FROM live_event WHERE session_id = ? ORDER BY id""")) {
            statement.setObject(1, sessionId);
            List<Logged> events = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String moderators = result.getString(6);
                    events.add(new Logged(result.getLong(1), result.getString(2), result.getString(3),
                            result.getObject(4, UUID.class), JSON.readTree(result.getString(5)),
                            moderators == null ? null : JSON.readTree(moderators)));
                }
            }
            return events;
        }
    }

    List<Logged> events(String type) throws Exception {
        return events().stream().filter(event -> event.type().equals(type)).toList();
    }

    Logged last(String type) throws Exception {
        List<Logged> events = events(type);
        return events.isEmpty() ? null : events.getLast();
    }

    /** The room's ids are 1, 2, 3 … in commit order, with no gap. */
    void assertConsecutiveIds() throws Exception {
        List<Long> ids = events().stream().map(Logged::id).toList();
        assertEquals(LongStream.rangeClosed(1, ids.size()).boxed().toList(), ids, "event ids of the room");
    }

    long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
