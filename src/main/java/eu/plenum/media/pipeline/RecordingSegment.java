package eu.plenum.media.pipeline;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.freedesktop.gstreamer.Bin;
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
    /*
     * Pads are held for the segment's life: gst1-java-core keeps a probe's callback with the Java
     * Pad object. The end of the file is not a probe callback at all but read from the sink pad
     * (sticky EOS): a callback there went missing under GC and left files unfinished.
     */
    private final Pad sinkPad;
    private final Map<TrackKind, Pad> queueSinks = new EnumMap<>(TrackKind.class);
    private final Map<TrackKind, Pad> teePads = new EnumMap<>(TrackKind.class);
    private final CompletableFuture<Void> written = new CompletableFuture<>();
    private static final long END_CHECK_MILLIS = 20;
    private final RecordedFile file;
    /**
     * WAITING until the first frame the file can start with (a video key frame, or audio in an
     * audio-only file) went in; audio waits for the video key frame, so the muxer never stalls.
     * EMPTY when the file ended before that frame came: nothing ever reaches the muxer then.
     */
    private final AtomicReference<Start> start = new AtomicReference<>(Start.WAITING);

    private enum Start { WAITING, STARTED, EMPTY }

    RecordingSegment(Bin pipeline, String publisherId, int number, Path directory, Set<TrackKind> kinds, boolean matroska) {
        this.pipeline = pipeline;
        String container = matroska ? "mkv" : "webm";
        Path path = directory.resolve(publisherId + "-" + number + "." + container);
        this.file = new RecordedFile(publisherId, number, path, container, true, false);
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
            queueSinks.put(kind, queue.getStaticPad("sink"));
        }
        sinkPad = sink.getStaticPad("sink");
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
        Pad queueSink = queueSinks.get(kind);
        boolean startsFile = kind == TrackKind.VIDEO || !queues.containsKey(TrackKind.VIDEO);
        queueSink.addProbe(PadProbeType.BUFFER, (pad, info) -> {
            if (startsFile && (kind != TrackKind.VIDEO || !info.getBuffer().getFlags().contains(BufferFlags.DELTA_UNIT))) {
                start.compareAndSet(Start.WAITING, Start.STARTED);
            }
            return start.get() == Start.STARTED ? PadProbeReturn.REMOVE : PadProbeReturn.DROP;
        });
        Pad teePad = tee.getRequestPad("src_%u");
        teePad.link(queueSink);
        teePads.put(kind, teePad);
    }

    /** Whether the file has media: false until its first frame went in, and for ever once it ended without one. */
    boolean started() {
        return start.get() == Start.STARTED;
    }

    /** Whether the file ended before any frame it could start with arrived: it holds no media. */
    boolean empty() {
        return start.get() == Start.EMPTY;
    }

    /**
     * Detaches the tees and sends EOS through the muxer; completes when the file is written. Each
     * track's EOS goes in from the tee pad's IDLE probe; if that has not run within a second, it is
     * sent directly (and said so on the worker's output, for diagnosis). A file that never started
     * is done at once: its muxer got nothing, so there is nothing to finalise or wait for.
     */
    synchronized CompletableFuture<Void> finish() {
        if (start.compareAndSet(Start.WAITING, Start.EMPTY)) {
            return CompletableFuture.completedFuture(null);
        }
        queues.forEach((kind, queue) -> {
            Pad queueSink = queueSinks.get(kind);
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
        awaitEndOfStream();
        return written;
    }

    /** Completes {@link #written} once EOS has gone through the muxer into the file sink. */
    private void awaitEndOfStream() {
        if (GstNative.reachedEndOfStream(sinkPad)) {
            written.complete(null);
        } else if (!written.isDone()) {
            CompletableFuture.delayedExecutor(END_CHECK_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)
                    .execute(this::awaitEndOfStream);
        }
    }

    /** Closes the file and removes the elements; never called on a streaming thread. */
    synchronized void dispose() {
        written.cancel(false); // stops the end-of-stream check of a file that did not finish in time
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
