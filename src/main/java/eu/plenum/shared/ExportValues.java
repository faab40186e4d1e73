package eu.plenum.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Values of a {@link PersonalDataHolder} export in one plain shape, whatever the driver returned:
 * instants as ISO-8601 UTC text, ids as text, everything else as it is (strings, numbers, booleans).
 */
public final class ExportValues {

    private ExportValues() {
    }

    /** One value in its export shape; null stays null. */
    public static Object of(Object value) {
        return switch (value) {
            case null -> null;
            case Timestamp timestamp -> timestamp.toInstant().toString();
            case OffsetDateTime time -> time.toInstant().toString();
            case ZonedDateTime time -> time.toInstant().toString();
            case Instant instant -> instant.toString();
            case UUID id -> id.toString();
            default -> value;
        };
    }

    /** An export item from field names and a native query's row, in the same order. */
    public static Map<String, Object> item(String[] fields, Object[] row) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i++) {
            item.put(fields[i], of(row[i]));
        }
        return item;
    }
}
