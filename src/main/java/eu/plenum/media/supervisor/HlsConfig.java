package eu.plenum.media.supervisor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code plenum.hls.*}: the HLS rendition of live rooms, transcoded by a worker of its own per room. */
@ConfigMapping(prefix = "plenum.hls")
public interface HlsConfig {

    /** Whether a room that goes live gets an HLS transcoder (off in the test profile: tests that need it turn it on). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Where each live room's segments and playlists go ({@code <directory>/<room id>/}): a scratch
     * folder, not recording storage; a room's folder is removed when the room ends here.
     */
    @WithDefault("${java.io.tmpdir}/plenum-live")
    String directory();

    /** Picture size of the rendition (the publisher's video is scaled into it, aspect kept). */
    @WithDefault("1280")
    int width();

    @WithDefault("720")
    int height();

    @WithDefault("25")
    int framerate();

    /** H.264 bitrate in kbit/s. */
    @WithDefault("2500")
    int videoKbps();

    /** Publishers whose audio the mix can take at once (one UDP input each). */
    @WithDefault("4")
    int audioInputs();

    /** Segments in the sliding live playlist (about a second each). */
    @WithDefault("6")
    int window();

    /** Address the transcoder's UDP inputs bind: loopback (same host as the room worker); in Kubernetes the pod IP. */
    @WithDefault("127.0.0.1")
    String bindAddress();
}
