package eu.plenum.media.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.Pipeline;

/**
 * The pipeline of a viewer worker: the room's forwarded tracks come in over UDP ({@code udpsrc →
 * tee} per track) and go out to up to {@code maxViewers} WHEP viewers, each a {@link ViewerSession}.
 * Nothing here can reach the room's ingest worker except a key-frame wish: viewers' PLIs arrive as
 * force-key-unit events at the track's tee and are only counted ({@link #keyFrameWants}); the
 * supervisor relays growth to the room worker, which asks the publisher at most once a second.
 */
public final class ViewerPipeline {

    /** A viewer whose connection failed, or that never connected or stayed disconnected this long, is removed. */
    private static final Duration GONE_GRACE = Duration.ofSeconds(15);

    private final Pipeline pipeline;
    private final org.freedesktop.gstreamer.Bus bus;
    private final List<String> iceAddresses;
    private final int maxViewers;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, ViewerSession> viewers = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> keyFrameWants = new ConcurrentHashMap<>();
    private final AtomicReference<String> fault = new AtomicReference<>();

    /** One incoming track and the tee viewers hang off. The probe and pad are kept for the pipeline's life (gst1-java-core ties a probe to its Java pad). */
    record Source(RoomPipeline.PublishedTrack track, ForwardedCodec codec, Element udp, Element tee, Pad teeSink, int port) {
    }

    /**
     * @param bindAddress the address the UDP inputs listen on (loopback on one machine; the pod IP in Kubernetes)
     */
    public ViewerPipeline(String roomId, List<String> iceAddresses, List<RoomPipeline.PublishedTrack> tracks, int maxViewers,
            String bindAddress) {
        Gstreamer.init();
        this.iceAddresses = List.copyOf(iceAddresses);
        this.maxViewers = maxViewers;
        pipeline = new Pipeline("viewers-" + roomId);
        bus = pipeline.getBus();
        // A viewer's own element errors end that viewer; anything else is the worker's fault.
        bus.connect((org.freedesktop.gstreamer.Bus.ERROR) (source, code, message) -> {
            String viewer = viewerOf(source);
            if (viewer == null) {
                fault.compareAndSet(null, source.getName() + ": " + message);
            }
        });
        for (RoomPipeline.PublishedTrack track : tracks) {
            Element udp = ElementFactory.make("udpsrc", null);
            udp.set("address", bindAddress);
            udp.set("port", 0);
            udp.set("caps", Caps.fromString(track.codec().rtpCaps(track.codec().payloadType(), track.ssrc())));
            Element tee = ElementFactory.make("tee", null);
            tee.set("allow-not-linked", true);
            pipeline.addMany(udp, tee);
            Element.linkMany(udp, tee);
            Pad teeSink = tee.getStaticPad("sink");
            if (track.kind() == TrackKind.VIDEO) {
                String publisher = track.publisherId();
                teeSink.addProbe(PadProbeType.EVENT_UPSTREAM, (pad, info) -> {
                    if (GstNative.isForceKeyUnit(info.getEvent())) {
                        keyFrameWants.computeIfAbsent(publisher, key -> new AtomicInteger()).incrementAndGet();
                        return PadProbeReturn.DROP; // answered by the room worker, not by udpsrc
                    }
                    return PadProbeReturn.OK;
                });
            }
            sources.put(key(track.publisherId(), track.kind()), new Source(track, track.codec(), udp, tee, teeSink, 0));
        }
        pipeline.play();
        pipeline.getState(java.util.concurrent.TimeUnit.SECONDS.toNanos(5));
        sources.replaceAll((key, source) -> new Source(source.track(), source.codec(), source.udp(), source.tee(), source.teeSink(),
                (Integer) source.udp().get("port")));
    }

    private static String key(String publisherId, TrackKind kind) {
        return publisherId + "/" + kind;
    }

    private String viewerOf(org.freedesktop.gstreamer.GstObject source) {
        for (org.freedesktop.gstreamer.GstObject object = source; object != null; object = object.getParent()) {
            String name = object.getName();
            if (name != null && name.startsWith("viewer-")) {
                return name.substring("viewer-".length());
            }
        }
        return null;
    }

    /** The UDP port each track arrives on, for the room worker's forwarding. */
    public List<RoomPipeline.ForwardedTrack> ports() {
        return sources.values().stream()
                .map(source -> new RoomPipeline.ForwardedTrack(source.track().publisherId(), source.track().kind(), source.port())).toList();
    }

    /**
     * Adds a viewer: its offer's first receiving video section gets the room's first video track, its
     * first audio section the first audio track, each with the viewer's payload type. Returns the
     * SDP answer with candidates.
     *
     * @throws ViewerCapacityException when the worker already serves {@code maxViewers}
     * @throws MediaPipelineException when the offer can receive none of the room's tracks
     */
    public String addViewer(String viewerId, String offerSdp) {
        ViewerOfferLines offer = ViewerOfferLines.parse(offerSdp);
        List<Map.Entry<Source, Integer>> sends = new ArrayList<>();
        for (TrackKind kind : TrackKind.values()) {
            offer.first(kind).ifPresent(section -> firstSource(kind).ifPresent(source ->
                    section.payloadTypeOf(source.codec()).ifPresent(pt -> sends.add(Map.entry(source, pt)))));
        }
        if (sends.isEmpty()) {
            throw new MediaPipelineException("the offer can receive none of the room's tracks (codecs: "
                    + sources.values().stream().map(source -> source.codec().name()).distinct().toList() + ")");
        }
        ViewerSession session;
        synchronized (this) {
            if (viewers.size() >= maxViewers) {
                throw new ViewerCapacityException("this viewer worker serves " + viewers.size() + " viewers, its limit");
            }
            if (viewers.containsKey(viewerId)) {
                throw new MediaPipelineException("viewer " + viewerId + " exists");
            }
            session = new ViewerSession(viewerId, pipeline, iceAddresses);
            viewers.put(viewerId, session);
        }
        try {
            sends.forEach(send -> session.send(send.getKey(), send.getValue()));
            // A new viewer cannot decode before the next key frame: that is a wish like a PLI, and counted the same way.
            sends.stream().filter(send -> send.getKey().track().kind() == TrackKind.VIDEO).forEach(send ->
                    keyFrameWants.computeIfAbsent(send.getKey().track().publisherId(), key -> new AtomicInteger()).incrementAndGet());
            String answer = session.negotiate(offerSdp);
            System.out.println("viewer " + viewerId + " receives " + sends.stream().map(send -> send.getKey().codec() + " pt "
                    + send.getValue()).toList() + "; " + viewerCount() + " viewers");
            System.out.flush();
            return answer;
        } catch (RuntimeException e) {
            removeViewer(viewerId);
            throw e;
        }
    }

    private Optional<Source> firstSource(TrackKind kind) {
        return sources.values().stream().filter(source -> source.track().kind() == kind).findFirst();
    }

    /** Ends a viewer; false when there is no such viewer. */
    public boolean removeViewer(String viewerId) {
        ViewerSession session;
        synchronized (this) {
            session = viewers.remove(viewerId);
        }
        if (session == null) {
            return false;
        }
        session.dispose();
        return true;
    }

    /** Counts the key-frame wishes of viewers that just connected (see {@link ViewerSession#keyFrameWish}). */
    public void wishKeyFramesForNewViewers() {
        Instant now = Instant.now();
        List<ViewerSession> current;
        synchronized (this) {
            current = List.copyOf(viewers.values());
        }
        current.forEach(session -> session.keyFrameWish(now).ifPresent(publisher ->
                keyFrameWants.computeIfAbsent(publisher, key -> new AtomicInteger()).incrementAndGet()));
    }

    /** Removes the viewers whose connection is gone; returns their ids. */
    public List<String> sweepGone() {
        Instant now = Instant.now();
        List<ViewerSession> current;
        synchronized (this) {
            current = List.copyOf(viewers.values());
        }
        List<String> gone = current.stream().filter(session -> session.gone(now, GONE_GRACE)).map(ViewerSession::id).toList();
        gone.forEach(this::removeViewer);
        return gone;
    }

    public synchronized int viewerCount() {
        return viewers.size();
    }

    /** The viewers served now (the supervisor forgets the ones a sweep removed). */
    public synchronized List<String> viewerIds() {
        return List.copyOf(viewers.keySet());
    }

    /** Per publisher, how many key frames viewers asked for so far (PLIs, FIRs and new viewers). */
    public Map<String, Integer> keyFrameWants() {
        Map<String, Integer> wants = new LinkedHashMap<>();
        keyFrameWants.forEach((publisher, count) -> wants.put(publisher, count.get()));
        return wants;
    }

    /** The tracks this worker receives. */
    public List<RoomPipeline.PublishedTrack> tracks() {
        return sources.values().stream().map(Source::track).toList();
    }

    public Optional<String> fault() {
        return Optional.ofNullable(fault.get());
    }

    public void close() {
        List<String> ids;
        synchronized (this) {
            ids = List.copyOf(viewers.keySet());
        }
        ids.forEach(this::removeViewer);
        pipeline.stop();
    }

    /** The worker is full: the supervisor places the viewer on another worker. */
    public static final class ViewerCapacityException extends RuntimeException {
        ViewerCapacityException(String message) {
            super(message);
        }
    }
}
