package eu.plenum.liveroom;

import com.fasterxml.jackson.databind.JsonNode;
import eu.plenum.shared.FreeText;
import java.util.UUID;

/** Reads the fields of a participant's frame; anything malformed is a refusal the sender reads, never an exception. */
final class Frames {

    private Frames() {
    }

    /** A required text of 1 to {@code max} characters (after trimming). */
    static String text(JsonNode frame, String field, int max) {
        JsonNode value = frame == null ? null : frame.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new LiveRefusal("invalid-frame", "'" + field + "' must be a non-empty text");
        }
        String text = value.asText().strip();
        if (text.codePointCount(0, text.length()) > max) {
            throw new LiveRefusal("too-long", "'" + field + "' is longer than " + max + " characters");
        }
        if (!FreeText.Check.allows(text)) {
            throw new LiveRefusal("invalid-frame", "'" + field + "' must not contain control characters");
        }
        return text;
    }

    /** A required id. */
    static UUID id(JsonNode frame, String field) {
        UUID id = optionalId(frame, field);
        if (id == null) {
            throw new LiveRefusal("invalid-frame", "'" + field + "' must be an id");
        }
        return id;
    }

    /** An optional id; null when absent. */
    static UUID optionalId(JsonNode frame, String field) {
        JsonNode value = frame == null ? null : frame.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return value.isTextual() ? UUID.fromString(value.asText()) : fail(field);
        } catch (IllegalArgumentException e) {
            return fail(field);
        }
    }

    /** An optional flag, false when absent. */
    static boolean flag(JsonNode frame, String field) {
        JsonNode value = frame == null ? null : frame.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new LiveRefusal("invalid-frame", "'" + field + "' must be true or false");
        }
        return value.asBoolean();
    }

    /** A required array field. */
    static JsonNode array(JsonNode frame, String field) {
        JsonNode value = frame == null ? null : frame.get(field);
        if (value == null || !value.isArray()) {
            throw new LiveRefusal("invalid-frame", "'" + field + "' must be a list");
        }
        return value;
    }

    private static UUID fail(String field) {
        throw new LiveRefusal("invalid-frame", "'" + field + "' must be an id");
    }

    /**
     * The person behind a participant, for "once per person" rules: their registration when they
     * have one (two devices of one attendee are one person), otherwise the participant itself.
     */
    static UUID voter(Participant who) {
        return who.registrationId() != null ? who.registrationId() : who.participantId();
    }

    static void requireModerator(Participant who) {
        if (!who.moderates()) {
            throw new LiveRefusal("not-moderator", "Only the host and moderators may do this");
        }
    }
}
