package eu.plenum.media;

import eu.plenum.media.rooms.RoomHls;
import eu.plenum.shared.PlaybackSignatures;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * HLS of live rooms, for viewers WebRTC cannot reach: playlist URLs signed (Ed25519, see
 * {@link PlaybackSignatures}) so that an edge can verify them without a database. A URL is valid for
 * {@code plenum.playback.url-lifetime} (a minute); the playlist it opens names segments with fresh
 * signatures, and a player renews the playlist URL itself by asking again before it runs out.
 */
@ApplicationScoped
public class LiveHls {

    /** The scope the signatures of live playlists and segments are made for. */
    public static final String SCOPE = "live";

    private final RoomHls hls;
    private final PlaybackSignatures signatures;

    LiveHls(RoomHls hls, PlaybackSignatures signatures) {
        this.hls = hls;
        this.signatures = signatures;
    }

    /** A signed, short-lived URL (path and query, no host) of the room's live playlist, if it has HLS. */
    public Optional<String> playlist(UUID roomId) {
        if (!hls.running(roomId)) {
            return Optional.empty();
        }
        return Optional.of("/live/" + roomId + "/index.m3u8?" + signatures.sign(SCOPE, roomId));
    }
}
