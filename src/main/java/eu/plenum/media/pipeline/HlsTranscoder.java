package eu.plenum.media.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;

/**
 * The HLS rendition of one live room, in a worker process of its own (never the room's recording
 * worker): plain RTP from the room worker's forwards in, one H.264 + AAC MPEG-TS rendition out.
 *
 * <pre>
 * udpsrc (VP8|VP9|H264) ! rtpjitterbuffer ! depay ! decoder ─┐
 * videotestsrc black (always) ───────────────────────────────┴─ compositor 720p ! x264enc ! h264parse ─┐
 * udpsrc (Opus) × n ! rtpjitterbuffer ! opusdec ─┐                                                     ├ hlssink2
 * audiotestsrc silence (always) ─────────────────┴─ audiomixer ! avenc_aac ! aacparse ─────────────────┘
 * </pre>
 *
 * The black picture and the silence are live sources that never stop, so segments keep coming
 * while there is no audio yet or the video pauses; a video input that stops is dropped by the
 * compositor after a second (so a stale frame of a former main publisher never stays on top).
 * Every udpsrc binds port 0; {@link #ports()} reports what the kernel gave. Built from one launch
 * description: no pad-added callbacks, nothing of ours runs on GStreamer's threads but the error
 * handler.
 */
public final class HlsTranscoder {

    /** The video encodings a room worker forwards, with their RTP payload types (see CONTRACTS.md). */
    public static final Map<String, Integer> VIDEO_PAYLOAD_TYPES = Map.of("VP8", 96, "VP9", 98, "H264", 102);
    private static final int OPUS_PAYLOAD_TYPE = 111;
    private static final long INPUT_TIMEOUT_NS = 1_000_000_000L;
    private static final int JITTER_MS = 150;

    private final Pipeline pipeline;
    /** Held for the pipeline's life: the error callback lives in this Java object. */
    private final Bus bus;
    private final AtomicReference<String> fault = new AtomicReference<>();
    private final Map<String, Integer> videoPorts = new LinkedHashMap<>();
    private final List<Integer> audioPorts = new ArrayList<>();

    /** What to make: picture size and rate, video bitrate, how many audio inputs to mix, where hlssink2 writes. */
    public record Settings(String bindAddress, int width, int height, int framerate, int videoKbps, int audioInputs,
            String segmentPattern, String sinkPlaylist) {
    }

    public HlsTranscoder(String roomId, Settings settings) {
        Gstreamer.init();
        pipeline = (Pipeline) Gst.parseLaunch(description(settings));
        pipeline.setName("hls-" + roomId);
        bus = pipeline.getBus();
        // Runs on a GStreamer thread: it only records the first error; the heartbeat reports it.
        bus.connect((Bus.ERROR) (source, code, message) -> fault.compareAndSet(null, source.getName() + ": " + message));
        pipeline.play();
        if (pipeline.getState(java.util.concurrent.TimeUnit.SECONDS.toNanos(10)) != State.PLAYING) {
            String why = fault.get();
            pipeline.stop();
            throw new MediaPipelineException("the HLS transcoder did not start" + (why == null ? "" : ": " + why));
        }
        VIDEO_PAYLOAD_TYPES.keySet().stream().sorted().forEach(encoding ->
                videoPorts.put(encoding, boundPort("video_" + encoding.toLowerCase(java.util.Locale.ROOT))));
        for (int i = 0; i < settings.audioInputs(); i++) {
            audioPorts.add(boundPort("audio_" + i));
        }
    }

    /** The UDP port each video encoding is received on. */
    public Map<String, Integer> videoPorts() {
        return Map.copyOf(videoPorts);
    }

    /** The UDP ports of the audio inputs, each for one publisher's Opus track. */
    public List<Integer> audioPorts() {
        return List.copyOf(audioPorts);
    }

    /** The first error GStreamer reported, if any: the transcoder is broken and is replaced. */
    public Optional<String> fault() {
        return Optional.ofNullable(fault.get());
    }

    public void close() {
        pipeline.stop();
    }

    private int boundPort(String name) {
        Element source = pipeline.getElementByName(name);
        Object port = source.get("port");
        int bound = port instanceof Number number ? number.intValue() : 0;
        if (bound <= 0) {
            throw new MediaPipelineException("udpsrc " + name + " reports no bound port");
        }
        return bound;
    }

    static String description(Settings settings) {
        if ((settings.segmentPattern() + settings.sinkPlaylist()).matches(".*[\"\\\\].*")) {
            throw new IllegalArgumentException("the HLS folder's path must not hold quotes or backslashes");
        }
        StringBuilder launch = new StringBuilder();
        String size = "width=" + settings.width() + ",height=" + settings.height();
        String rate = "framerate=" + settings.framerate() + "/1";
        List<String> encodings = VIDEO_PAYLOAD_TYPES.keySet().stream().sorted().toList();
        launch.append("compositor name=mix background=black latency=200000000");
        for (int pad = 1; pad <= encodings.size(); pad++) {
            // Pad properties belong to the element's own description in launch syntax.
            launch.append(" sink_").append(pad).append("::width=").append(settings.width())
                    .append(" sink_").append(pad).append("::height=").append(settings.height())
                    .append(" sink_").append(pad).append("::sizing-policy=keep-aspect-ratio")
                    .append(" sink_").append(pad).append("::max-last-buffer-repeat=").append(INPUT_TIMEOUT_NS);
        }
        launch.append(" ! video/x-raw,").append(size).append(',').append(rate)
                .append(" ! videoconvert ! video/x-raw,format=I420 ! x264enc tune=zerolatency speed-preset=ultrafast bitrate=")
                .append(settings.videoKbps()).append(" key-int-max=").append(settings.framerate())
                .append(" ! video/x-h264,profile=constrained-baseline ! h264parse ! hls.video ");
        launch.append("videotestsrc is-live=true pattern=black ! video/x-raw,").append(size).append(',').append(rate).append(" ! mix.sink_0 ");
        int pad = 1;
        for (String encoding : encodings) {
            String chain = switch (encoding) {
                case "VP8" -> "rtpvp8depay ! vp8dec";
                case "VP9" -> "rtpvp9depay ! vp9dec";
                default -> "rtph264depay ! h264parse ! avdec_h264";
            };
            launch.append(udpSource(settings, "video_" + encoding.toLowerCase(java.util.Locale.ROOT), "video", 90000, encoding,
                    VIDEO_PAYLOAD_TYPES.get(encoding)))
                    .append(" ! ").append(chain).append(" ! videoconvert ! mix.sink_").append(pad).append(' ');
            pad++;
        }
        String audioFormat = "audio/x-raw,rate=48000,channels=2";
        launch.append("audiomixer name=amix latency=200000000 ! audioconvert ! avenc_aac bitrate=128000 ! aacparse ! hls.audio ");
        launch.append("audiotestsrc is-live=true wave=silence ! ").append(audioFormat).append(" ! amix.sink_0 ");
        for (int i = 0; i < settings.audioInputs(); i++) {
            launch.append(udpSource(settings, "audio_" + i, "audio", 48000, "OPUS", OPUS_PAYLOAD_TYPE))
                    .append(" ! rtpopusdepay ! opusdec ! audioconvert ! audioresample ! ").append(audioFormat)
                    .append(" ! amix.sink_").append(i + 1).append(' ');
        }
        launch.append("hlssink2 name=hls message-forward=true target-duration=1 playlist-length=0 max-files=0 location=\"")
                .append(settings.segmentPattern()).append("\" playlist-location=\"").append(settings.sinkPlaylist()).append('"');
        return launch.toString();
    }

    private static String udpSource(Settings settings, String name, String media, int clockRate, String encoding, int payloadType) {
        if (!settings.bindAddress().matches("[0-9a-fA-F.:]{2,45}")) {
            throw new IllegalArgumentException("not an IP address: " + settings.bindAddress());
        }
        return "udpsrc name=" + name + " address=" + settings.bindAddress() + " port=0 buffer-size=1048576 caps=\"application/x-rtp,media=" + media
                + ",clock-rate=" + clockRate + ",encoding-name=" + encoding + ",payload=" + payloadType
                + "\" ! rtpjitterbuffer latency=" + JITTER_MS;
    }
}
