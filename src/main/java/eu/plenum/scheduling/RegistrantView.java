package eu.plenum.scheduling;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A registrant as the host sees them; answers keyed by question label. */
public record RegistrantView(UUID id, String name, String email, String status, boolean recordingConsent,
        boolean joinLinkRevoked, OffsetDateTime registeredAt, Map<String, String> answers) {
}
