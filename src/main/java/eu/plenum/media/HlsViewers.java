package eu.plenum.media;

import eu.plenum.media.rooms.RoomAudiences;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Where the attendee page tells the media context that it plays a room over HLS: by the random id the
 * page made for itself, sent with each renewal of its signed URL. HLS files come from an edge that
 * knows no viewer, so these renewals are how the studio counts HLS viewers; nothing personal is kept.
 */
@ApplicationScoped
public class HlsViewers {

    private final RoomAudiences audiences;

    HlsViewers(RoomAudiences audiences) {
        this.audiences = audiences;
    }

    /** The page {@code pageId} plays the room over HLS (it renewed its URL just now). */
    public void renewed(UUID roomId, UUID pageId) {
        audiences.hlsSeen(roomId, pageId);
    }

    /** The page stopped playing the room over HLS (closed, or moved to WebRTC). */
    public void stopped(UUID roomId, UUID pageId) {
        audiences.hlsGone(roomId, pageId);
    }
}
