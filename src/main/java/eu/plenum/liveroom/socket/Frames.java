package eu.plenum.liveroom.socket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The server's frames of protocol v1 (docs/live-protocol.md). */
final class Frames {

    static final int PROTOCOL = 1;

    private Frames() {
    }

    static String ref(JsonNode frame) {
        JsonNode ref = frame.get("ref");
        if (ref == null || !ref.isTextual()) {
            return null;
        }
        String text = ref.asText();
        return text.length() > 32 ? text.substring(0, 32) : text;
    }

    static String ack(ObjectMapper json, String ref) {
        ObjectNode frame = json.createObjectNode().put("type", "ack");
        if (ref != null) {
            frame.put("ref", ref);
        }
        return write(json, frame);
    }

    static String error(ObjectMapper json, String code, String message, String ref) {
        ObjectNode frame = json.createObjectNode().put("type", "error").put("code", code).put("message", message);
        if (ref != null) {
            frame.put("ref", ref);
        }
        return write(json, frame);
    }

    static String stage(ObjectMapper json, String stage, boolean recording) {
        return write(json, json.createObjectNode().put("type", "room.state").put("stage", stage).put("recording", recording));
    }

    static String presence(ObjectMapper json, long count, List<Map<String, Object>> list) {
        ObjectNode frame = json.createObjectNode().put("type", "presence.count").put("count", count);
        if (list != null) {
            frame.set("participants", json.valueToTree(list));
        }
        return write(json, frame);
    }

    static String write(ObjectMapper json, Object frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A live frame must be plain JSON", e);
        }
    }
}
