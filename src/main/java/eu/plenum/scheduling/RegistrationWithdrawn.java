package eu.plenum.scheduling;

import java.util.UUID;

/**
 * CDI event: a registration's join link stopped working — the host revoked it or denied the seat, or
 * the registrant cancelled. Fired inside the changing transaction; observers react after it
 * committed — the audience context ends the registration's attendee sessions and their playback.
 */
public record RegistrationWithdrawn(UUID webinarId, UUID registrationId) {
}
