package eu.plenum.media.rooms;

import eu.plenum.media.MediaException;
import eu.plenum.media.worker.WorkerProtocol;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The stage of a room: what its WebRTC viewers are shown. By default the video of the newest publisher
 * that sends video (a screen share takes the stage; when it ends, the camera is back) and the audio of
 * the first publisher that sends audio (the host's microphone); a host may pin one publisher's video.
 * The pin and the stage's version are plain columns changed with plain UPDATEs (not the room's
 * optimistic version), so the media node's changes never make a host's request fail.
 */
@ApplicationScoped
public class RoomStages {

    private final jakarta.enterprise.inject.Instance<EntityManager> entityManager;
    private final RoomStore store;
    private final RoomSignals signals;

    RoomStages(jakarta.enterprise.inject.Instance<EntityManager> entityManager, RoomStore store, RoomSignals signals) {
        this.entityManager = entityManager;
        this.store = store;
        this.signals = signals;
    }

    /**
     * Pins a publisher's video to the stage, or unpins ({@code publisherId} null).
     *
     * @throws MediaException 409 not-a-publisher when the publisher is not publishing in this room now
     */
    public void pin(UUID roomId, UUID publisherId) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (publisherId != null && store.activePublishers(roomId).stream().noneMatch(publisher -> publisher.id().equals(publisherId))) {
                throw new MediaException(409, "not-a-publisher", "That publisher is not publishing in this room now.");
            }
            entityManager.get().createNativeQuery("UPDATE live_room SET stage_video = ?1 WHERE id = ?2")
                    .setParameter(1, publisherId).setParameter(2, roomId).executeUpdate();
        });
    }

    /**
     * The video on the stage among {@code videos} (in the order their publishers joined): the pinned
     * publisher's while it sends one, else the newest. The one rule for WHEP viewers and HLS.
     */
    static Optional<WorkerProtocol.Track> videoOnStage(List<WorkerProtocol.Track> videos, UUID pinned) {
        return videos.stream().filter(track -> pinned != null && track.publisherId().equals(pinned.toString())).findFirst()
                .or(() -> videos.isEmpty() ? Optional.empty() : Optional.of(videos.get(videos.size() - 1)));
    }

    /** The pinned videos of these rooms (rooms without a pin are missing). */
    public Map<UUID, UUID> pins(Collection<UUID> roomIds) {
        Map<UUID, UUID> pins = new HashMap<>();
        if (roomIds.isEmpty()) {
            return pins;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.get()
                    .createNativeQuery("SELECT id, stage_video FROM live_room WHERE id IN (?1) AND stage_video IS NOT NULL")
                    .setParameter(1, List.copyOf(roomIds)).getResultList();
            rows.forEach(row -> pins.put((UUID) row[0], (UUID) row[1]));
        });
        return pins;
    }

    /** The viewer workers were rebuilt for a new stage: the version grows and the attendee pages hear of it. */
    void advance(UUID roomId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.get()
                .createNativeQuery("UPDATE live_room SET stage_version = stage_version + 1 WHERE id = ?1")
                .setParameter(1, roomId).executeUpdate());
        signals.publish(store.read(roomId, room -> new RoomSignals.RoomSignal(roomId, room.status().name(),
                room.endedReason() == null ? null : room.endedReason().name(), room.recording(),
                room.status() == LiveRoom.Status.LIVE ? store.activePublishers(roomId).size() : 0)));
    }
}
