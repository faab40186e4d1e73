package eu.plenum.media.rooms;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Pushes room state changes to the clients connected to a room (server-sent events). */
@ApplicationScoped
public class RoomSignals {

    /** What a connected client needs to show: live or not, recording or not, and why it ended. */
    public record RoomSignal(UUID roomId, String status, String endedReason, boolean recording, int publishers) {
    }

    private final BroadcastProcessor<RoomSignal> signals = BroadcastProcessor.create();

    void publish(RoomSignal signal) {
        signals.onNext(signal);
    }

    /** Every room's signals (the audience-facing {@code RoomStates} maps them to stages). */
    public Multi<RoomSignal> all() {
        return signals;
    }

    public Multi<RoomSignal> of(UUID roomId) {
        return signals.filter(signal -> signal.roomId().equals(roomId));
    }
}
