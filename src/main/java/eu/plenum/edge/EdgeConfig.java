package eu.plenum.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** An edge-only node's origin and cache bounds ({@code plenum.edge.*}); the origin reads only {@code playback-base-url}. */
@ConfigMapping(prefix = "plenum.edge")
public interface EdgeConfig {

    /**
     * The EU origin, scheme and host (e.g. {@code https://plenum.example.eu}): where the edge fetches HLS and
     * where it redirects every personal-data path. Required on an edge-only node.
     */
    Optional<String> originUrl();

    /**
     * On the origin: the edges' own host name (e.g. {@code https://live.edge.example}, geo-DNS picks the
     * nearest edge); open webinars' HLS URLs are handed out on it. Unset: HLS stays on the origin.
     */
    Optional<String> playbackBaseUrl();

    /** How the edge names itself to the origin ({@code Plenum-Edge} header), e.g. its region {@code us-vin}. */
    @WithDefault("edge")
    String name();

    /** How long a playlist is served from memory before the origin is asked again. */
    @WithDefault("1s")
    Duration playlistTtl();

    /** How long a segment stays in memory at most: no longer than the live window (playlist length × segment length). */
    @WithDefault("60s")
    Duration segmentTtl();

    /** Bytes of media held in memory at most; least recently used entries go first. */
    @WithDefault("268435456")
    long maxBytes();

    /** Largest single answer taken from the origin, in bytes; a larger one is refused (502), never cached. */
    @WithDefault("16777216")
    long maxEntryBytes();

    /** Per client address: HLS requests at once, refilled over {@code per-source-period}. */
    @WithDefault("600")
    int perSourceRequests();

    @WithDefault("60s")
    Duration perSourcePeriod();
}
