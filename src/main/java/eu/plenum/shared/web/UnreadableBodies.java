package eu.plenum.shared.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import eu.plenum.shared.PlenumException.FieldError;
import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The field a JSON body broke and what it should have been, so that a caller of any JSON address learns which
 * field to fix; never the value sent (it may be personal data) nor Jackson's own message (it names Java classes).
 */
final class UnreadableBodies {

    private UnreadableBodies() {
    }

    static List<FieldError> fieldErrors(IOException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return List.of();
        }
        String field = field(mapping.getPath());
        if (field.isEmpty()) {
            return List.of();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return List.of(new FieldError(field, "is not a field of this body"));
        }
        Class<?> expected = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        return List.of(new FieldError(field, expected == null ? "has the wrong type or shape" : "must be " + described(expected)));
    }

    /** {@code questions[0].label}: the names callers know, in JSON's terms. */
    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String described(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "a text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number in range";
        }
        if (type == UUID.class) {
            return "an id";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date or time in ISO 8601";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of another type";
    }
}
