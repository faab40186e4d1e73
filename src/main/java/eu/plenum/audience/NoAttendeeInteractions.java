package eu.plenum.audience;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Stands in for the liveroom's {@link AttendeeInteractions} until one exists: no counts known. */
@ApplicationScoped
@DefaultBean
class NoAttendeeInteractions implements AttendeeInteractions {

    @Override
    public Map<UUID, Counts> countsFor(String tenantId, UUID sessionId, Set<UUID> registrationIds) {
        return Map.of();
    }

    @Override
    public boolean available() {
        return false;
    }
}
