package eu.plenum.media;

import eu.plenum.media.rooms.LiveRoom;
import eu.plenum.media.rooms.RoomStore;
import eu.plenum.media.rooms.RoomViewers;
import eu.plenum.media.whip.WhepOffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The audience's way into a live room over WebRTC (WHEP): a viewer is served by a viewer worker,
 * never by the room's ingest and recording worker. Callers have already decided that the holder may
 * watch (a {@link ViewerPasses} pass or an admitted attendee session).
 */
@ApplicationScoped
public class Viewing {

    private final RoomStore store;
    private final RoomViewers viewers;

    Viewing(RoomStore store, RoomViewers viewers) {
        this.store = store;
        this.viewers = viewers;
    }

    /** A started viewer: its id (the WHEP resource) and the SDP answer with candidates. */
    public record Watching(UUID viewerId, String answerSdp) {
    }

    /**
     * Starts a viewer of {@code roomId} for {@code holder} (an opaque reference, e.g. an attendee
     * session id). Refusals: 404 {@code unknown-room}, 409 {@code room-not-live}, 400/422 bad offer,
     * 503 {@code viewer-capacity-full} (then the page plays HLS).
     */
    public Watching watch(UUID roomId, UUID holder, String offerSdp) {
        WhepOffer.checkOrRefuse(offerSdp);
        if (store.read(roomId, LiveRoom::status) != LiveRoom.Status.LIVE) {
            throw new MediaException(409, "room-not-live", "The room is not live; the page waits for the host.", 5);
        }
        RoomViewers.Started started = viewers.watch(roomId, holder, offerSdp);
        return new Watching(started.viewerId(), started.answerSdp());
    }

    /** Ends one viewer (WHEP DELETE). */
    public void leave(UUID roomId, UUID viewerId) {
        if (!viewers.leave(roomId, viewerId)) {
            throw new MediaException(404, "unknown-viewer", "This room has no such viewer (it may have ended already).");
        }
    }

    /** Ends every viewer of {@code holder} on this node (revoked or banned attendee); returns how many. */
    public int endFor(UUID holder) {
        return viewers.endFor(holder);
    }

    /** WebRTC viewers of a room on this node now. */
    public int viewers(UUID roomId) {
        return viewers.viewers(roomId);
    }
}
