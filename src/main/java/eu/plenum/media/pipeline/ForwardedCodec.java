package eu.plenum.media.pipeline;

import java.util.Optional;

/**
 * How a track travels from the room's ingest worker to its consumers (viewer workers, the HLS
 * transcoder): re-payloaded from the depayloaded frames (no transcoding) with a fixed payload type,
 * so that consumers know the caps without a negotiation and never see the publisher's header
 * extensions or payload numbering.
 */
public enum ForwardedCodec {
    VP8(TrackKind.VIDEO, 96, 90000, "rtpvp8pay", "rtpvp8depay"),
    VP9(TrackKind.VIDEO, 98, 90000, "rtpvp9pay", "rtpvp9depay"),
    H264(TrackKind.VIDEO, 102, 90000, "rtph264pay", "rtph264depay"),
    OPUS(TrackKind.AUDIO, 111, 48000, "rtpopuspay", "rtpopusdepay");

    /** Packets small enough for any path, with room for SRTP and TURN headers on the viewer side. */
    static final int MTU = 1200;

    private final TrackKind kind;
    private final int payloadType;
    private final int clockRate;
    private final String payloader;
    private final String depayloader;

    ForwardedCodec(TrackKind kind, int payloadType, int clockRate, String payloader, String depayloader) {
        this.kind = kind;
        this.payloadType = payloadType;
        this.clockRate = clockRate;
        this.payloader = payloader;
        this.depayloader = depayloader;
    }

    public static Optional<ForwardedCodec> of(String encoding) {
        for (ForwardedCodec codec : values()) {
            if (codec.name().equalsIgnoreCase(encoding)) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    public TrackKind kind() {
        return kind;
    }

    public int payloadType() {
        return payloadType;
    }

    String payloader() {
        return payloader;
    }

    String depayloader() {
        return depayloader;
    }

    /**
     * The RTP caps of the forwarded stream with payload type {@code pt} (the forwarded one, or a
     * viewer's) and its SSRC: webrtcbin announces the SSRC in a viewer's answer (a=ssrc), which is how
     * the browser assigns packets that carry no MID header extension to the right track.
     */
    public String rtpCaps(int pt, long ssrc) {
        String media = kind == TrackKind.VIDEO ? "video" : "audio";
        String extra = switch (this) {
            case H264 -> ",packetization-mode=(string)1";
            case OPUS -> ",encoding-params=(string)2";
            default -> "";
        };
        return "application/x-rtp,media=(string)" + media + ",clock-rate=(int)" + clockRate + ",encoding-name=(string)"
                + name() + ",payload=(int)" + pt + ",ssrc=(uint)" + ssrc + extra;
    }

    /** Properties every payloader of this codec gets: small packets, and for H.264 the parameter sets with every key frame. */
    void configure(org.freedesktop.gstreamer.Element payloader, int pt, long ssrc) {
        payloader.set("pt", pt);
        payloader.set("ssrc", ssrc);
        payloader.set("mtu", MTU);
        switch (this) {
            case H264 -> {
                payloader.set("config-interval", -1);
                payloader.set("aggregate-mode", 1); // zero-latency
            }
            case VP8, VP9 -> payloader.set("picture-id-mode", 2); // 15-bit, what browsers expect
            default -> {
            }
        }
    }
}
