package eu.plenum.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * CDI event: a registration moved forward — the registrant confirmed their address ({@code status}
 * REGISTERED, WAITLISTED or PENDING_APPROVAL), or a seat was granted later by the host's approval or
 * from the wait list (REGISTERED). Fired inside the changing transaction.
 */
public record RegistrationConfirmed(String tenantId, UUID webinarId, UUID registrationId, String email, String status,
        Instant at) {
}
