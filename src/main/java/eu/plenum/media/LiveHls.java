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
    public static final String SCOPE = PlaybackSignatures.LIVE;

    private final RoomHls hls;
    private final PlaybackSignatures signatures;
    private final String edgeBase;

    /** {@code plenum.edge.playback-base-url}: the edges' own host name, where open webinars' HLS is handed out (unset: here). */
    LiveHls(RoomHls hls, PlaybackSignatures signatures,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "plenum.edge.playback-base-url") Optional<String> edgeBase) {
        this.hls = hls;
        this.signatures = signatures;
        this.edgeBase = edgeBase.map(String::strip).map(base -> base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                .orElse("");
    }

    /** A signed, short-lived URL (path and query, no host) of the room's live playlist, if it has HLS. */
    public Optional<String> playlist(UUID roomId) {
        if (!hls.running(roomId)) {
            return Optional.empty();
        }
        return Optional.of("/live/" + roomId + "/index.m3u8?" + signatures.sign(SCOPE, roomId));
    }

    /**
     * The same for an open webinar's room: signed for the scope edges serve ({@link PlaybackSignatures#OPEN_LIVE}) and,
     * when edges are configured, on the edges' host name — a name of their own, so no origin cookie ever goes there.
     */
    public Optional<String> openPlaylist(UUID roomId) {
        if (!hls.running(roomId)) {
            return Optional.empty();
        }
        return Optional.of(edgeBase + "/live/" + roomId + "/index.m3u8?" + signatures.sign(PlaybackSignatures.OPEN_LIVE, roomId));
    }
}
