package eu.plenum.media.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.webrtc.WebRTCBin;

/**
 * One WHIP publisher: a webrtcbin that receives its tracks, a {@code depayloader → tee} branch per
 * track, and the recording segment the tees feed while the room records.
 */
final class PublisherSession {

    private static final Duration GATHERING_TIMEOUT = Duration.ofSeconds(2);
    /**
     * A PLI can be lost (RTCP is unreliable) or ignored by an encoder that just sent a key frame, so
     * it is repeated this often until the new file has its key frame, at most {@link #KEY_FRAME_REQUESTS} times.
     */
    private static final Duration KEY_FRAME_REPEAT = Duration.ofMillis(700);
    private static final int KEY_FRAME_REQUESTS = 15;
    /** Regular RTCP at least this often, so that a repeated PLI is not held back for the 5 s default. */
    private static final Duration RTCP_INTERVAL = Duration.ofMillis(500);
    private static final java.util.concurrent.ScheduledExecutorService KEY_FRAME_TIMER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "key-frame-requests");
                thread.setDaemon(true);
                return thread;
            });

    private final String id;
    private final Bin pipeline;
    private final Set<TrackKind> kinds;
    private final boolean matroska;
    private final Path directory;
    private final WebRTCBin webrtc;
    private final Map<TrackKind, Element> tees = new EnumMap<>(TrackKind.class);
    private final Map<TrackKind, Element> depayloaders = new EnumMap<>(TrackKind.class);
    private final java.util.concurrent.atomic.AtomicInteger candidates = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.function.Consumer<PendingFile> rolled;
    private final ElementNames names;
    /** Per track: the codec it is forwarded in and the sink that sends it to the room's consumers. */
    private final Map<TrackKind, Forwarded> codecs = new EnumMap<>(TrackKind.class);
    private final Map<TrackKind, Element> forwardSinks = new EnumMap<>(TrackKind.class);
    private final java.util.function.Function<TrackKind, String> forwardClients;
    /** When the last key frame was asked for on behalf of viewers; at most one request a second. */
    private final java.util.concurrent.atomic.AtomicLong viewerKeyFrameAt = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger viewerKeyFrames = new java.util.concurrent.atomic.AtomicInteger();
    static final Duration VIEWER_KEY_FRAME_INTERVAL = Duration.ofSeconds(1);
    private RecordingSegment segment;
    private int segments;

    PublisherSession(String id, Bin pipeline, Set<TrackKind> kinds, boolean matroska, Path directory, List<String> iceAddresses,
            java.util.function.Consumer<PendingFile> rolled, java.util.function.Function<TrackKind, String> forwardClients) {
        this.id = id;
        this.forwardClients = forwardClients;
        this.rolled = rolled;
        this.pipeline = pipeline;
        this.kinds = Set.copyOf(kinds);
        this.matroska = matroska;
        this.directory = directory;
        this.names = new ElementNames(id);
        this.webrtc = new WebRTCBin(ElementNames.webrtc(id));
        webrtc.set("bundle-policy", 3); // max-bundle: one transport for all tracks
        pipeline.add(webrtc);
        GstNative.gatherUdpOnly(webrtc);
        iceAddresses.forEach(address -> GstNative.gatherOnlyOn(webrtc, address));
        // pad-added runs on a streaming thread: it builds and links elements, it never waits.
        webrtc.connect((Element.PAD_ADDED) (element, pad) -> onTrack(pad));
        // Runs on libnice's thread: it only counts.
        webrtc.connect((WebRTCBin.ON_ICE_CANDIDATE) (line, candidate) -> candidates.incrementAndGet());
        webrtc.syncStateWithParent();
    }

    String id() {
        return id;
    }

    String negotiate(String offerSdp) {
        String answer = WebRtcNegotiation.answer(webrtc, offerSdp, GATHERING_TIMEOUT, candidates::get);
        GstNative.shortenRtcpInterval(webrtc, RTCP_INTERVAL);
        return answer;
    }

    synchronized void startRecording() {
        if (segment != null) {
            return;
        }
        RecordingSegment[] created = new RecordingSegment[1];
        segment = new RecordingSegment(pipeline, id, names, ++segments, directory, kinds, matroska,
                () -> KEY_FRAME_TIMER.execute(() -> rollForLateVideo(created[0])));
        created[0] = segment;
        tees.forEach(segment::attach);
        if (depayloaders.containsKey(TrackKind.VIDEO)) {
            requestKeyFrameFor(segment, 1);
        }
    }

    /** Asks the publisher for a key frame until {@code waiting} has one, has ended, or the requests run out. */
    private void requestKeyFrameFor(RecordingSegment waiting, int attempt) {
        synchronized (this) {
            if (segment != waiting || !waiting.awaitsVideoKeyFrame()) {
                return;
            }
            GstNative.requestKeyFrame(depayloaders.get(TrackKind.VIDEO));
        }
        log("key frame requested (PLI " + attempt + ") for recording file " + waiting.file().segment());
        if (attempt < KEY_FRAME_REQUESTS) {
            KEY_FRAME_TIMER.schedule(() -> requestKeyFrameFor(waiting, attempt + 1),
                    KEY_FRAME_REPEAT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Video came after the file went on without it (camera switched on later): that file ends and a
     * new one starts, which waits for a key frame like any new file. The ended file goes to
     * {@code rolled}; the supervisor learns of both through the worker's heartbeat.
     */
    private void rollForLateVideo(RecordingSegment stale) {
        PendingFile ended;
        synchronized (this) {
            if (segment != stale) {
                return;
            }
            ended = stopRecording().orElseThrow();
            startRecording();
        }
        log("video started after the recording went on without it: file " + stale.file().segment()
                + " ends, file " + segments + " has the video");
        rolled.accept(ended);
    }

    synchronized RecordedFile startRecordingAndDescribe() {
        startRecording();
        return segment.file();
    }

    synchronized Optional<RecordedFile> currentFile() {
        return Optional.ofNullable(segment).map(RecordingSegment::file);
    }

    /** Ends the current recording file, if any; the future completes once it is written. */
    synchronized Optional<PendingFile> stopRecording() {
        if (segment == null) {
            return Optional.empty();
        }
        RecordingSegment ending = segment;
        segment = null;
        return Optional.of(new PendingFile(ending, ending.finish()));
    }

    void dispose() {
        webrtc.setState(State.NULL);
        synchronized (this) {
            tees.values().forEach(tee -> tee.setState(State.NULL));
        }
        pipeline.remove(webrtc);
    }

    private void onTrack(Pad pad) {
        Caps caps = pad.getCurrentCaps();
        if (caps == null || caps.size() == 0) {
            return;
        }
        Structure rtp = caps.getStructure(0);
        String media = rtp.getString("media");
        String encoding = rtp.getString("encoding-name");
        TrackKind kind = "video".equals(media) ? TrackKind.VIDEO : TrackKind.AUDIO;
        List<String> chain = switch (encoding) {
            case "VP8" -> List.of("rtpvp8depay");
            case "VP9" -> List.of("rtpvp9depay");
            case "H264" -> List.of("rtph264depay", "h264parse");
            case "OPUS" -> List.of("rtpopusdepay", "opusparse");
            default -> List.of();
        };
        Element queue = ElementFactory.make("queue", names.next("queue"));
        Element tee = ElementFactory.make("tee", names.next("tee"));
        tee.set("allow-not-linked", true);
        if (chain.isEmpty()) {
            // The offer was checked before; a codec we cannot record still must not stall the bin.
            Element sink = ElementFactory.make("fakesink", names.next("fakesink"));
            pipeline.addMany(queue, sink);
            Element.linkMany(queue, sink);
            pad.link(queue.getStaticPad("sink"));
            sink.syncStateWithParent();
            queue.syncStateWithParent();
            return;
        }
        Element[] elements = new Element[chain.size() + 2];
        elements[0] = queue;
        for (int i = 0; i < chain.size(); i++) {
            elements[i + 1] = ElementFactory.make(chain.get(i), names.next(chain.get(i)));
        }
        elements[elements.length - 1] = tee;
        pipeline.addMany(elements);
        Element.linkMany(elements);
        for (int i = elements.length - 1; i >= 0; i--) {
            elements[i].syncStateWithParent();
        }
        pad.link(queue.getStaticPad("sink"));
        ForwardedCodec.of(encoding).ifPresent(codec -> forward(kind, codec, tee));
        synchronized (this) {
            tees.put(kind, tee);
            depayloaders.put(kind, elements[1]);
            if (segment != null) {
                segment.attach(kind, tee);
            }
        }
    }

    /**
     * The branch that sends the track to the room's consumers: {@code tee → leaky queue → payloader →
     * multiudpsink}. The queue drops rather than waits, so a consumer (or the loopback socket) that
     * falls behind never holds up the tee, and with it the recording.
     */
    private void forward(TrackKind kind, ForwardedCodec codec, Element tee) {
        Element queue = ElementFactory.make("queue", names.next("fwdqueue"));
        queue.set("leaky", 2); // downstream: drop the oldest
        queue.set("max-size-buffers", 0);
        queue.set("max-size-bytes", 0);
        queue.set("max-size-time", Duration.ofMillis(300).toNanos());
        Element payloader = ElementFactory.make(codec.payloader(), names.next("fwdpay"));
        long ssrc = new java.security.SecureRandom().nextInt() & 0xffffffffL;
        codec.configure(payloader, codec.payloadType(), ssrc);
        Element sink = ElementFactory.make("multiudpsink", names.next("fwdsink"));
        sink.set("sync", false);
        sink.set("async", false);
        sink.set("clients", forwardClients.apply(kind));
        pipeline.addMany(queue, payloader, sink);
        Element.linkMany(queue, payloader, sink);
        sink.syncStateWithParent();
        payloader.syncStateWithParent();
        queue.syncStateWithParent();
        tee.getRequestPad("src_%u").link(queue.getStaticPad("sink"));
        synchronized (this) {
            codecs.put(kind, new Forwarded(codec, ssrc));
            forwardSinks.put(kind, sink);
        }
    }

    /** How a track is forwarded: its codec and the SSRC of the forwarded stream. */
    record Forwarded(ForwardedCodec codec, long ssrc) {
    }

    /** The tracks this publisher sends now, video first. */
    synchronized Map<TrackKind, Forwarded> forwardedTracks() {
        return codecs.isEmpty() ? Map.of() : new EnumMap<>(codecs);
    }

    /** Points the forwarding of every track at its current consumers ({@code host:port,…}). */
    synchronized void refreshForwards() {
        forwardSinks.forEach((kind, sink) -> sink.set("clients", forwardClients.apply(kind)));
    }

    /**
     * Asks the publisher for a key frame on behalf of viewers, at most once per
     * {@link #VIEWER_KEY_FRAME_INTERVAL}: a burst of joining viewers costs the publisher one key frame,
     * not one each. Returns whether a request went out.
     */
    boolean requestKeyFrameForViewers() {
        long now = System.nanoTime();
        long last = viewerKeyFrameAt.get();
        if (last != 0 && now - last < VIEWER_KEY_FRAME_INTERVAL.toNanos()) {
            return false;
        }
        if (!viewerKeyFrameAt.compareAndSet(last, now)) {
            return false;
        }
        Element depayloader;
        synchronized (this) {
            depayloader = depayloaders.get(TrackKind.VIDEO);
        }
        if (depayloader == null) {
            return false;
        }
        GstNative.requestKeyFrame(depayloader);
        viewerKeyFrames.incrementAndGet();
        return true;
    }

    /** How many key frames were asked for on behalf of viewers. */
    int viewerKeyFrameRequests() {
        return viewerKeyFrames.get();
    }

    private void log(String line) {
        System.out.println("publisher " + id + ": " + line);
        System.out.flush();
    }

    /** A recording file whose end is on its way through the muxer. */
    record PendingFile(RecordingSegment segment, CompletableFuture<Void> written) {
    }
}
