package eu.plenum.quotas;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Quotas of every tenant that has no override of its own (operators set overrides per tenant). */
@ConfigMapping(prefix = "plenum.quotas")
public interface QuotaConfig {

    /** Rooms of one tenant live at once, across all nodes. */
    @WithDefault("20")
    long liveRooms();

    /** WebRTC viewers of one room; the node's own capacity ({@code plenum.media.max-viewers-per-room}) still applies. */
    @WithDefault("1000")
    long webrtcViewersPerRoom();

    /** Bytes of recordings one tenant may keep (1 TiB); reached, running recordings go on and new ones are refused. */
    @WithDefault("1099511627776")
    long recordingBytes();

    /** Registrations of one webinar that are not cancelled or denied. */
    @WithDefault("10000")
    long registrationsPerWebinar();

    default long of(Quota quota) {
        return switch (quota) {
            case LIVE_ROOMS -> liveRooms();
            case WEBRTC_VIEWERS_PER_ROOM -> webrtcViewersPerRoom();
            case RECORDING_BYTES -> recordingBytes();
            case REGISTRATIONS_PER_WEBINAR -> registrationsPerWebinar();
        };
    }
}
