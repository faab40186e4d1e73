package eu.plenum.media;

import eu.plenum.media.rooms.Recording;
import eu.plenum.media.rooms.RoomStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The recordings of a session its host published, as attendee pages list and play them: each with
 * a playback URL that carries a viewer pass of the holder (a {@code <video>} element sends no
 * headers), good for {@link #PLAYBACK_PASS} — long enough for a player's range requests while the
 * page is open, short enough that a copied link soon stops working; a revoked holder is refused at once.
 */
@ApplicationScoped
public class PublishedRecordings {

    static final Duration PLAYBACK_PASS = Duration.ofHours(4);

    private final RoomStore store;
    private final ViewerPasses passes;

    PublishedRecordings(RoomStore store, ViewerPasses passes) {
        this.store = store;
        this.passes = passes;
    }

    /** A published recording: duration and container, and where {@code holder} plays it. */
    public record Published(UUID recordingId, long durationMs, String container, String playbackUrl) {
    }

    public List<Published> of(UUID sessionId, UUID holder) {
        List<Recording> published = QuarkusTransaction.requiringNew().call(() -> store.published(sessionId));
        return published.stream().map(recording -> new Published(recording.id(),
                recording.durationMs() == null ? 0 : recording.durationMs(), recording.container(),
                "/api/rooms/" + recording.roomId() + "/recordings/" + recording.id() + "/playback?pass="
                        + passes.mint(recording.roomId(), holder, PLAYBACK_PASS))).toList();
    }
}
