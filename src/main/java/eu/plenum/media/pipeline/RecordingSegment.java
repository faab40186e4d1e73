package eu.plenum.media.pipeline;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.BufferFlags;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Pad;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.event.EOSEvent;

/**
 * One recording file of one publisher: {@code queue → muxer → filesink} per track, fed by the
 * track's tee. Frames are written as received; the muxer writes clusters as they come, so a killed
 * worker leaves a playable file, and {@link #finish()} lets EOS through to write the index.
 */
final class RecordingSegment {

    private final Bin pipeline;
    private final Element muxer;
    private final Element sink;
    private final Map<TrackKind, Element> queues = new EnumMap<>(TrackKind.class);
    private final Map<TrackKind, Pad> teePads = new EnumMap<>(TrackKind.class);
    private final CompletableFuture<Void> written = new CompletableFuture<>();
    private final RecordedFile file;
    /** Set when the first video key frame went in: until then audio waits too, so the muxer never stalls. */
    private volatile boolean started;

    RecordingSegment(Bin pipeline, String publisherId, int number, Path directory, Set<TrackKind> kinds, boolean matroska) {
        this.pipeline = pipeline;
        String container = matroska ? "mkv" : "webm";
        Path path = directory.resolve(publisherId + "-" + number + "." + container);
        this.file = new RecordedFile(publisherId, number, path, container, true);
        muxer = ElementFactory.make(matroska ? "matroskamux" : "webmmux", null);
        sink = ElementFactory.make("filesink", null);
        sink.set("location", path.toString());
        sink.set("async", false);
        pipeline.addMany(muxer, sink);
        Element.linkMany(muxer, sink);
        for (TrackKind kind : kinds) {
            Element queue = ElementFactory.make("queue", null);
            pipeline.add(queue);
            queue.getStaticPad("src").link(muxer.getRequestPad(kind.muxerPad()));
            queues.put(kind, queue);
        }
        sink.getStaticPad("sink").addEventProbe((pad, event) -> {
            if (event instanceof EOSEvent) {
                written.complete(null);
            }
            return PadProbeReturn.OK;
        });
        sink.syncStateWithParent();
        muxer.syncStateWithParent();
        queues.values().forEach(Element::syncStateWithParent);
    }

    RecordedFile file() {
        return file;
    }

    boolean records(TrackKind kind) {
        return queues.containsKey(kind);
    }

    /** Connects a track's tee; video waits for its first key frame so that the file starts decodable. */
    synchronized void attach(TrackKind kind, Element tee) {
        Element queue = queues.get(kind);
        if (queue == null || teePads.containsKey(kind)) {
            return;
        }
        Pad queueSink = queue.getStaticPad("sink");
        if (kind == TrackKind.VIDEO) {
            queueSink.addProbe(PadProbeType.BUFFER, (pad, info) -> {
                Buffer buffer = info.getBuffer();
                if (buffer.getFlags().contains(BufferFlags.DELTA_UNIT)) {
                    return PadProbeReturn.DROP;
                }
                started = true;
                return PadProbeReturn.REMOVE;
            });
        } else if (queues.containsKey(TrackKind.VIDEO)) {
            queueSink.addProbe(PadProbeType.BUFFER, (pad, info) -> started ? PadProbeReturn.REMOVE : PadProbeReturn.DROP);
        }
        Pad teePad = tee.getRequestPad("src_%u");
        teePad.link(queueSink);
        teePads.put(kind, teePad);
    }

    /**
     * Detaches the tees and sends EOS through the muxer; completes when the file is written. Each
     * track's EOS goes in from the tee pad's IDLE probe; if that has not run within a second, it is
     * sent directly (and said so on the worker's output, for diagnosis).
     */
    synchronized CompletableFuture<Void> finish() {
        queues.forEach((kind, queue) -> {
            Pad queueSink = queue.getStaticPad("sink");
            Pad teePad = teePads.get(kind);
            if (teePad == null) {
                queueSink.sendEvent(new EOSEvent());
                return;
            }
            java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
            teePad.addProbe(PadProbeType.IDLE, (pad, info) -> {
                if (ended.compareAndSet(false, true)) {
                    pad.unlink(queueSink);
                    queueSink.sendEvent(new EOSEvent());
                }
                return PadProbeReturn.REMOVE;
            });
            CompletableFuture.delayedExecutor(1, java.util.concurrent.TimeUnit.SECONDS).execute(() -> {
                if (ended.compareAndSet(false, true)) {
                    System.out.println("recording " + file.file().getFileName() + ": " + kind + " tee never idle; EOS sent directly");
                    System.out.flush();
                    queueSink.sendEvent(new EOSEvent());
                }
            });
        });
        return written;
    }

    /** Closes the file and removes the elements; never called on a streaming thread. */
    synchronized void dispose() {
        teePads.forEach((kind, teePad) -> {
            Element tee = teePad.getParentElement();
            if (tee != null) {
                tee.releaseRequestPad(teePad);
            }
        });
        sink.setState(State.NULL);
        muxer.setState(State.NULL);
        queues.values().forEach(queue -> queue.setState(State.NULL));
        pipeline.removeMany(sink, muxer);
        queues.values().forEach(pipeline::remove);
    }
}
