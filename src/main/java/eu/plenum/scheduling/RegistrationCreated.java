package eu.plenum.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * CDI event: someone registered for a webinar (the registration waits for its double opt-in). Fired
 * inside the registering transaction, so that an observer's outbox row (webhooks) commits with it or
 * not at all. Carries the normalised address because receivers (the organisation's CRM) match
 * registrants by it; observers must not log it.
 */
public record RegistrationCreated(String tenantId, UUID webinarId, UUID registrationId, String email, Instant at) {
}
