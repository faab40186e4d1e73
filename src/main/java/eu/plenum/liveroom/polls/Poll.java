package eu.plenum.liveroom.polls;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One poll of a live session as stored. */
public record Poll(UUID id, UUID sessionId, String tenantId, String question, List<String> options, boolean multiple,
        Status status, boolean shared, Instant createdAt) {

    public enum Status {
        DRAFT, OPEN, CLOSED
    }

    public Poll {
        options = List.copyOf(options);
    }
}
