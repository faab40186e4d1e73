package eu.plenum.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The audience's way into a live room over WebRTC (WHEP): a viewer is served by a viewer worker,
 * never by the room's ingest and recording worker. Callers have already decided that the holder may
 * watch (a {@link ViewerPasses} pass or an admitted attendee session).
 *
 * <p>Work in progress (issue 12): viewer workers land in this session; until then every call
 * answers 503 {@code viewers-not-served}.
 */
@ApplicationScoped
public class Viewing {

    /** A started viewer: its id (the WHEP resource) and the SDP answer with candidates. */
    public record Watching(UUID viewerId, String answerSdp) {
    }

    /**
     * Starts a viewer of {@code roomId} for {@code holder} (an opaque reference, e.g. an attendee
     * session id). Refusals: 404 {@code unknown-room}, 409 {@code room-not-live}, 400/422 bad offer,
     * 503 {@code viewer-capacity-full} (then the page plays HLS).
     */
    public Watching watch(UUID roomId, UUID holder, String offerSdp) {
        throw new MediaException(503, "viewers-not-served", "Viewers are not served by this build yet.");
    }

    /** Ends one viewer (WHEP DELETE). */
    public void leave(UUID roomId, UUID viewerId) {
        throw new MediaException(404, "unknown-viewer", "No such viewer.");
    }

    /** Ends every viewer of {@code holder} on this node (revoked or banned attendee); returns how many. */
    public int endFor(UUID holder) {
        return 0;
    }
}
