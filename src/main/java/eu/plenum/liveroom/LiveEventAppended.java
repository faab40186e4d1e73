package eu.plenum.liveroom;

import java.util.UUID;

/**
 * An event was appended to a room's log. Fired inside the appending transaction; observe it with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to act only once it is committed.
 */
public record LiveEventAppended(UUID sessionId, long id) {
}
