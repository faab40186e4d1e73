package eu.plenum.sweeps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.plenum.testsupport.Webinars;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Well-formed request bodies built from an operation's schema in {@code /q/openapi}: every property
 * filled with a plausible value, id fields with the ids a sweep hands in, so that a refusal is about
 * the id (or the one malformed part) and not about a missing field.
 */
final class SampleBodies {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode schemas;
    /** The id fields met while building (names), for the cross-tenant body sweep. */
    final List<String> idFields = new ArrayList<>();
    /** Fields of format uuid the id source knew no value for. */
    final List<String> unknownIds = new ArrayList<>();

    SampleBodies(JsonNode document) {
        this.schemas = document.path("components").path("schemas");
    }

    /** The schema of the operation's body for {@code mediaType}, $refs resolved; missing node when there is none. */
    static JsonNode bodySchema(JsonNode document, OpenApiOperations.Operation operation, String mediaType) {
        return document.path("paths").path(operation.path()).path(operation.method().toLowerCase(java.util.Locale.ROOT))
                .path("requestBody").path("content").path(mediaType).path("schema");
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            current = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current;
    }

    /** A sample value for {@code schema}; {@code ids} gives the value of an id field by name (null: unknown). */
    JsonNode sample(JsonNode schema, String name, BiFunction<String, Boolean, Object> ids) {
        JsonNode resolved = resolve(schema);
        if (name != null && isIdField(name, resolved)) {
            Object value = ids.apply(name, "array".equals(resolved.path("type").asText()));
            if (value != null) {
                idFields.add(name);
                return JSON.valueToTree(value);
            }
            // Ids of other kinds (Keycloak user ids of moderators) are not tenant rows; unknown uuids are.
            if (isUuid(resolved) || isUuid(resolve(resolved.path("items")))) {
                unknownIds.add(name);
            }
        }
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        String type = resolved.path("type").asText("object");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").fields(); properties.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    object.set(property.getKey(), sample(property.getValue(), property.getKey(), ids));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(sample(resolved.path("items"), null, ids));
                return array;
            }
            case "integer", "number" -> {
                return NODES.numberNode(resolved.has("minimum") ? Math.max(resolved.get("minimum").asLong(), 5) : 5);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.textNode(isUuid(resolved) ? java.util.UUID.randomUUID().toString() : text(name));
            }
        }
    }

    private static boolean isIdField(String name, JsonNode schema) {
        return name.endsWith("Id") || name.endsWith("Ids") || name.equals("selected") || isUuid(schema);
    }

    private static boolean isUuid(JsonNode schema) {
        return "uuid".equals(schema.path("format").asText());
    }

    private static String text(String name) {
        if (name == null) {
            return "sweep";
        }
        return switch (name) {
            case "email" -> "sweep.subject@sweep.example";
            case "kind" -> "ACCESS";
            case "start" -> Webinars.NEXT_YEAR + "-11-03T10:00";
            case "url" -> "http://127.0.0.1:9/sweep";
            case "regionCode", "homeRegionCode", "targetRegionCode" -> "eu-fra";
            case "timeZone" -> "Europe/Berlin";
            case "language" -> "en";
            case "decision" -> "approve";
            case "recurrence" -> "NONE";
            case "registrationMode" -> "OPEN";
            case "recordingPolicy" -> "OFF";
            default -> "sweep";
        };
    }
}
