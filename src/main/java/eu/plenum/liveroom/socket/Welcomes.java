package eu.plenum.liveroom.socket;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.plenum.liveroom.LiveCommands;
import eu.plenum.liveroom.Participant;
import eu.plenum.media.RoomStates;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The welcome frame: the room's last event id and every handler's snapshot, read in one
 * REPEATABLE READ transaction, so the snapshot is exactly the state after that id (an append holds
 * its room's counter row until it commits: the snapshot sees an event's changes if and only if it
 * sees its id).
 */
@ApplicationScoped
class Welcomes {

    record Welcome(long lastId, String frame) {
    }

    /** Looked up when used: an edge node has no persistence unit, and injecting it directly fails that node's start. */
    private final jakarta.enterprise.inject.Instance<EntityManager> databases;
    private final Instance<LiveCommands> handlers;
    private final RoomStates rooms;
    private final ObjectMapper json;

    Welcomes(jakarta.enterprise.inject.Instance<EntityManager> databases, Instance<LiveCommands> handlers, RoomStates rooms, ObjectMapper json) {
        this.databases = databases;
        this.handlers = handlers;
        this.rooms = rooms;
        this.json = json;
    }

    Welcome of(Participant who) {
        Map<String, Object> frame = new LinkedHashMap<>();
        long lastId = QuarkusTransaction.requiringNew().call(() -> {
            database().createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").executeUpdate();
            Number last = (Number) database().createNativeQuery("SELECT COALESCE((SELECT last_id FROM live_event_counter WHERE session_id = ?1), 0)")
                    .setParameter(1, who.sessionId()).getSingleResult();
            Map<String, Object> state = new LinkedHashMap<>();
            for (LiveCommands handler : handlers) {
                state.putAll(handler.snapshot(who));
            }
            frame.put("type", "welcome");
            frame.put("protocol", Frames.PROTOCOL);
            frame.put("lastId", last.longValue());
            frame.put("you", Map.of("participantId", who.participantId(), "displayName", who.displayName(), "role", who.role().name()));
            frame.put("state", state);
            return last.longValue();
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) frame.get("state");
        state.put("room", rooms.ofSession(who.sessionId())
                .map(room -> Map.<String, Object>of("stage", room.stage().name(), "recording", room.recording()))
                .orElse(Map.of("stage", RoomStates.Stage.WAITING.name(), "recording", false)));
        return new Welcome(lastId, Frames.write(json, frame));
    }

    private EntityManager database() {
        return databases.get();
    }
}
