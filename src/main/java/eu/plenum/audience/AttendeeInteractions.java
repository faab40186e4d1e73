package eu.plenum.audience;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The hook through which the attendance report learns what attendees did in a session: questions
 * asked and polls answered per registration. Those live in {@code liveroom}'s tables, and liveroom
 * depends on audience (not the reverse), so liveroom provides the bean; until it does,
 * {@link NoAttendeeInteractions} answers and the report shows no counts.
 */
public interface AttendeeInteractions {

    /** What one registration did in a session. */
    record Counts(int questionsAsked, int pollsAnswered) {
    }

    /** Counts per registration for the session; registrations that did nothing may be missing. */
    Map<UUID, Counts> countsFor(String tenantId, UUID sessionId, Set<UUID> registrationIds);

    /** Whether counts are known at all (false: the report shows "—" rather than zeros). */
    default boolean available() {
        return true;
    }
}
