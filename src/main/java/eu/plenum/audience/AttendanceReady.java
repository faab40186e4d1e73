package eu.plenum.audience;

import java.time.Instant;
import java.util.UUID;

/**
 * CDI event: the attendance of an ended webinar session is final (its live period ended some minutes
 * ago and it did not go live again), so its report will not change unless the session goes live
 * again. Fired inside the transaction that marked it final. A count, no persons.
 */
public record AttendanceReady(String tenantId, UUID webinarId, UUID sessionId, int attendees, Instant at) {
}
