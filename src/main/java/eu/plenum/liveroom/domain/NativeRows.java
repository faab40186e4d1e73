package eu.plenum.liveroom.domain;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/** Column values of native query rows, whichever Java type the driver and Hibernate chose for them. */
public final class NativeRows {

    private NativeRows() {
    }

    /** A native query whose parameters can be bound with their type (a null UUID must still be bound as uuid). */
    public static NativeQuery<?> query(EntityManager database, String sql) {
        return database.createNativeQuery(sql).unwrap(NativeQuery.class);
    }

    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case ZonedDateTime zoned -> zoned.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }

    public static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    public static int integer(Object value) {
        return ((Number) value).intValue();
    }

    public static boolean bool(Object value) {
        return Boolean.TRUE.equals(value);
    }
}
