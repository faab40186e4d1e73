package eu.plenum.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * HLS of live rooms, for viewers WebRTC cannot reach: playlist URLs signed so that an edge can verify
 * them without a database. Work in progress (issue 12): until the transcoder lands no room has HLS.
 */
@ApplicationScoped
public class LiveHls {

    /** A signed, short-lived URL (path and query, no host) of the room's live playlist, if it has HLS. */
    public Optional<String> playlist(UUID roomId) {
        return Optional.empty();
    }
}
