package eu.plenum.media.web;

import eu.plenum.media.rooms.RoomAudiences;
import eu.plenum.media.rooms.RoomStages;
import eu.plenum.media.rooms.RoomStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the studio's audience card shows, in one answer the page polls: viewers now by transport and
 * by app node, the session's peak, and the publishers whose video the host may pin to the stage.
 */
@ApplicationScoped
public class StudioAudience {

    private final RoomAudiences audiences;
    private final RoomStages stages;
    private final RoomStore store;

    StudioAudience(RoomAudiences audiences, RoomStages stages, RoomStore store) {
        this.audiences = audiences;
        this.stages = stages;
        this.store = store;
    }

    /** A publisher of the room now (the id is the last segment of its WHIP resource URL). */
    public record Publisher(UUID id, String tracks, Instant startedAt, boolean video) {
    }

    /** The audience card: {@code pinned} is the publisher whose video is pinned, or null. */
    public record View(int webrtc, int hls, int peak, List<RoomAudiences.NodeAudience> nodes, List<Publisher> publishers, UUID pinned) {
    }

    public View of(UUID roomId) {
        RoomAudiences.Audience audience = audiences.of(roomId);
        List<Publisher> publishers = QuarkusTransaction.requiringNew().call(() -> store.activePublishers(roomId).stream()
                .map(publisher -> new Publisher(publisher.id(), publisher.tracks(), publisher.startedAt(),
                        publisher.tracks().contains("video/"))).toList());
        return new View(audience.webrtc(), audience.hls(), audience.peak(), audience.nodes(), publishers,
                stages.pins(Set.of(roomId)).get(roomId));
    }

    public void pin(UUID roomId, UUID publisherId) {
        stages.pin(roomId, publisherId);
    }
}
