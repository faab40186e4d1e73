package eu.plenum.liveroom.hands;

import java.time.Instant;
import java.util.UUID;

/** A hand that is up: whose (participant, registration, name) and since when. */
public record RaisedHand(UUID sessionId, UUID participantId, UUID registrationId, String displayName, Instant raisedAt) {
}
