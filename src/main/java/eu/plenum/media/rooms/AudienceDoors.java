package eu.plenum.media.rooms;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Whether attendees may watch a room: closed while the host practises backstage, opened with one
 * click. A room that goes live without practice mode is open at once (the column's default).
 */
@ApplicationScoped
public class AudienceDoors {

    private final RoomStore store;
    private final RoomSignals signals;

    AudienceDoors(RoomStore store, RoomSignals signals) {
        this.store = store;
        this.signals = signals;
    }

    /** Opens or closes the doors; connected clients hear of it at once. */
    public void set(UUID roomId, boolean open) {
        RoomSignals.RoomSignal signal = store.change(roomId, room -> {
            room.audienceOpen(open);
            return new RoomSignals.RoomSignal(roomId, room.status().name(),
                    room.endedReason() == null ? null : room.endedReason().name(), room.recording(),
                    room.status() == LiveRoom.Status.LIVE ? store.activePublishers(roomId).size() : 0);
        });
        signals.publish(signal);
    }
}
