package eu.plenum.media.rooms;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A live room as hosts and integrations see it; {@code cancelled}: its session was cancelled, it never goes live again;
 * {@code audienceOpen}: false while the host practises backstage (attendees wait in the lobby).
 */
public record RoomView(UUID id, UUID webinarId, UUID sessionId, String status, String endedReason, boolean cancelled, boolean recording,
        String whipUrl, String streamKeyHint, int publisherLimit, int activePublishers, Instant wentLiveAt, Instant endedAt,
        String mediaNode, String mediaRegion, List<Event> history, List<RecordingView> recordings, boolean audienceOpen) {

    public record Event(String kind, String detail, String node, String region, Instant at) {
    }

    public boolean live() {
        return "LIVE".equals(status);
    }
}
