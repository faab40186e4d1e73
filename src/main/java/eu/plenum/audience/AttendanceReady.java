package eu.plenum.audience;

import java.time.Instant;
import java.util.UUID;

/**
 * CDI event: the attendance of an ended webinar session is final (its live period ended some minutes
 * ago and every presence of it is closed), so its report will not change unless the session goes
 * live again. Fired inside the transaction that marked it final. Counts only, no persons.
 */
public record AttendanceReady(String tenantId, UUID webinarId, UUID sessionId, int registrations, int attendees, Instant at) {
}
