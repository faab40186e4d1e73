package eu.plenum.media.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.webrtc.WebRTCBin;

/**
 * One WHEP viewer: a send-only webrtcbin fed from the viewer worker's track tees through a leaky
 * queue each (a viewer whose connection stalls loses packets, it never holds up the others). Where
 * the viewer numbers a codec differently from the forwarded stream, its branch re-payloads the
 * frames with the viewer's number (no decoding).
 */
final class ViewerSession {

    private static final Duration GATHERING_TIMEOUT = Duration.ofSeconds(2);
    /** How long negotiation waits for a track's caps to reach webrtcbin (they come with the next packet). */
    private static final Duration CAPS_WAIT = Duration.ofMillis(1500);
    /** GstWebRTCPeerConnectionState: new, connecting, connected, disconnected, failed, closed. */
    private static final int CONNECTED = 2;
    private static final int DISCONNECTED = 3;
    private static final int FAILED = 4;
    private static final int CLOSED = 5;

    private final String id;
    private final Bin pipeline;
    private final WebRTCBin webrtc;
    private final List<Element> elements = new ArrayList<>();
    private final List<Pad> teePads = new ArrayList<>();
    private final List<Element> tees = new ArrayList<>();
    private final List<Pad> webrtcSinks = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger candidates = new java.util.concurrent.atomic.AtomicInteger();
    private final Instant started = Instant.now();
    private volatile Instant lostSince;
    /** The publisher whose video this viewer gets, if any. */
    private volatile String videoPublisher;
    private Instant connectedAt;
    private Instant lastWish;
    /**
     * A key frame asked for when the viewer joined may arrive before its DTLS handshake is done and be
     * lost to it; a key frame's packets may be dropped by a leaky queue under load. So for this long
     * after it connected, the viewer wishes for a key frame once a second (aggregated and limited like a PLI).
     */
    private static final Duration WISH_WHILE_NEW = Duration.ofSeconds(4);

    ViewerSession(String id, Bin pipeline, List<String> iceAddresses) {
        this.id = id;
        this.pipeline = pipeline;
        webrtc = new WebRTCBin("viewer-" + id);
        webrtc.set("bundle-policy", 3); // max-bundle
        pipeline.add(webrtc);
        GstNative.gatherUdpOnly(webrtc);
        iceAddresses.forEach(address -> GstNative.gatherOnlyOn(webrtc, address));
        webrtc.connect((WebRTCBin.ON_ICE_CANDIDATE) (line, candidate) -> candidates.incrementAndGet());
        webrtc.syncStateWithParent();
    }

    String id() {
        return id;
    }

    /** Sends one forwarded track to this viewer with the viewer's payload type. */
    void send(ViewerPipeline.Source source, int viewerPayloadType) {
        ForwardedCodec codec = source.codec();
        if (source.track().kind() == TrackKind.VIDEO) {
            videoPublisher = source.track().publisherId();
        }
        Element queue = ElementFactory.make("queue", null);
        queue.set("leaky", 2);
        queue.set("max-size-buffers", 0);
        queue.set("max-size-bytes", 0);
        queue.set("max-size-time", Duration.ofMillis(500).toNanos());
        List<Element> chain = new ArrayList<>(List.of(queue));
        if (viewerPayloadType != codec.payloadType()) {
            Element depayloader = ElementFactory.make(codec.depayloader(), null);
            Element payloader = ElementFactory.make(codec.payloader(), null);
            codec.configure(payloader, viewerPayloadType, source.track().ssrc());
            chain.add(depayloader);
            chain.add(payloader);
        }
        Element filter = ElementFactory.make("capsfilter", null);
        filter.set("caps", Caps.fromString(codec.rtpCaps(viewerPayloadType, source.track().ssrc())));
        chain.add(filter);
        Element[] linked = chain.toArray(Element[]::new);
        pipeline.addMany(linked);
        Element.linkMany(linked);
        Pad webrtcSink = webrtc.getRequestPad("sink_%u");
        filter.getStaticPad("src").link(webrtcSink);
        for (int i = linked.length - 1; i >= 0; i--) {
            linked[i].syncStateWithParent();
        }
        Pad teePad = source.tee().getRequestPad("src_%u");
        teePad.link(queue.getStaticPad("sink"));
        synchronized (this) {
            elements.addAll(chain);
            teePads.add(teePad);
            tees.add(source.tee());
            webrtcSinks.add(webrtcSink);
        }
    }

    /** Negotiates with the viewer's offer; returns the answer with candidates. */
    String negotiate(String offerSdp) {
        awaitCaps();
        return WebRtcNegotiation.answer(webrtc, offerSdp, GATHERING_TIMEOUT, candidates::get);
    }

    /**
     * webrtcbin matches a viewer's m-lines to its own send transceivers by kind, which it learns from
     * the caps that reach each sink pad with the first packet: wait briefly for them.
     */
    private void awaitCaps() {
        Instant deadline = Instant.now().plus(CAPS_WAIT);
        for (Pad sink : webrtcSinks) {
            while (sink.getCurrentCaps() == null && Instant.now().isBefore(deadline)) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Whether the viewer is gone without saying so (tab closed, network lost): its connection
     * failed or closed, or it never connected or stayed disconnected for {@code grace}.
     */
    boolean gone(Instant now, Duration grace) {
        int state = GstNative.connectionState(webrtc);
        if (state == FAILED || state == CLOSED) {
            return true;
        }
        if (state == CONNECTED) {
            lostSince = null;
            return false;
        }
        if (state == DISCONNECTED && lostSince == null) {
            lostSince = now;
        }
        Instant since = state == DISCONNECTED ? lostSince : started;
        return Duration.between(since, now).compareTo(grace) > 0;
    }

    /**
     * The publisher to ask for a key frame on this viewer's behalf now, if any: once when its connection
     * is up, then once a second for {@link #WISH_WHILE_NEW}.
     */
    synchronized java.util.Optional<String> keyFrameWish(Instant now) {
        if (videoPublisher == null || GstNative.connectionState(webrtc) != CONNECTED) {
            return java.util.Optional.empty();
        }
        if (connectedAt == null) {
            connectedAt = now;
        } else if (Duration.between(connectedAt, now).compareTo(WISH_WHILE_NEW) > 0
                || Duration.between(lastWish, now).compareTo(Duration.ofSeconds(1)) < 0) {
            return java.util.Optional.empty();
        }
        lastWish = now;
        return java.util.Optional.of(videoPublisher);
    }

    /** Detaches from the tees and removes every element; never called on a streaming thread. */
    synchronized void dispose() {
        for (int i = 0; i < teePads.size(); i++) {
            tees.get(i).releaseRequestPad(teePads.get(i));
        }
        webrtc.setState(State.NULL);
        elements.forEach(element -> element.setState(State.NULL));
        pipeline.remove(webrtc);
        elements.forEach(pipeline::remove);
        elements.clear();
        teePads.clear();
    }
}
