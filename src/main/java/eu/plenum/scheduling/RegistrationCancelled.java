package eu.plenum.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * CDI event: a registration ended before the webinar — {@code reason} CANCELLED (by the registrant),
 * DENIED (by the host) or REVOKED (the host revoked the join link). Fired inside the changing
 * transaction; {@link RegistrationWithdrawn} is the audience-facing twin for seats that had a link.
 */
public record RegistrationCancelled(String tenantId, UUID webinarId, UUID registrationId, String email, String reason,
        Instant at) {
}
