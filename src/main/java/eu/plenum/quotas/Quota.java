package eu.plenum.quotas;

import java.util.Arrays;
import java.util.Optional;

/** The limits a tenant works within; the names are what problems, the API and the audit log call them. */
public enum Quota {
    /** Rooms of the tenant live (or going live) at once, across all nodes. */
    LIVE_ROOMS("live-rooms"),
    /** WebRTC (WHEP) viewers of one room; beyond it viewers are told to play HLS. */
    WEBRTC_VIEWERS_PER_ROOM("webrtc-viewers-per-room"),
    /** Bytes of the tenant's recordings in the catalogue. */
    RECORDING_BYTES("recording-bytes"),
    /** Registrations of one webinar (every registration that is not cancelled or denied). */
    REGISTRATIONS_PER_WEBINAR("registrations-per-webinar");

    private final String key;

    Quota(String key) {
        this.key = key;
    }

    /** The quota's name in problems, forms, JSON and the audit log. */
    public String key() {
        return key;
    }

    public static Optional<Quota> ofKey(String key) {
        return Arrays.stream(values()).filter(quota -> quota.key.equals(key)).findFirst();
    }
}
