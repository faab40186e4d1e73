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
     * WAITING until the first media went in (audio, or a video key frame: video waits for one so
     * the file starts decodable). EMPTY when the file ended before that: nothing reached the muxer.
     */
    private final AtomicReference<Start> start = new AtomicReference<>(Start.WAITING);
    /** Set when the first video key frame went in. */
    private volatile boolean videoIn;
    /** Set when no key frame came within {@link #VIDEO_GRACE}: the file goes on with audio only. */
    private volatile boolean videoAbandoned;
    private boolean finishing;
    private final java.util.concurrent.atomic.AtomicBoolean graceStarted = new java.util.concurrent.atomic.AtomicBoolean();

    private enum Start { WAITING, STARTED, EMPTY }

    /**
     * How long a file whose audio is in waits for its first video key frame before it is written
     * without video (camera off, or a publisher that negotiated video and never sends it). The muxer writes
     * nothing until every track has data, so the audio queue holds more than this meanwhile.
     */
    static final java.time.Duration VIDEO_GRACE = java.time.Duration.ofSeconds(5);
    private static final long AUDIO_QUEUE_NANOS = 3 * VIDEO_GRACE.toNanos();

    /** Called (once, from a streaming thread: it must only hand over) when video starts after the file gave up on it. */
    private final Runnable lateVideo;
    private final java.util.concurrent.atomic.AtomicBoolean lateVideoTold = new java.util.concurrent.atomic.AtomicBoolean();

    RecordingSegment(Bin pipeline, String publisherId, ElementNames names, int number, Path directory, Set<TrackKind> kinds, boolean matroska,
            Runnable lateVideo) {
        this.pipeline = pipeline;
        this.lateVideo = lateVideo;
        String container = matroska ? "mkv" : "webm";
        Path path = directory.resolve(publisherId + "-" + number + "." + container);
        this.file = new RecordedFile(publisherId, number, path, container, true, false);
        muxer = ElementFactory.make(matroska ? "matroskamux" : "webmmux", names.next("mux"));
        sink = ElementFactory.make("filesink", names.next("filesink"));
        sink.set("location", path.toString());
        sink.set("async", false);
        pipeline.addMany(muxer, sink);
        Element.linkMany(muxer, sink);
        for (TrackKind kind : kinds) {
            Element queue = ElementFactory.make("queue", names.next("recqueue"));
            if (kind == TrackKind.AUDIO) {
                // Audio goes in at once and waits here while the muxer waits for the first video key frame.
                queue.set("max-size-time", AUDIO_QUEUE_NANOS);
                queue.set("max-size-buffers", 0);
                queue.set("max-size-bytes", 0);
            }
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

    /** Audio is in: from now on the video has {@link #VIDEO_GRACE} to send its first key frame. */
    private void audioArrived() {
        if (queues.containsKey(TrackKind.VIDEO) && !videoIn && graceStarted.compareAndSet(false, true)) {
            CompletableFuture.delayedExecutor(VIDEO_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .execute(this::abandonVideoIfNoneCame);
        }
    }

    /** Ends the video track of a file whose video never started, so the muxer writes the audio it holds. */
    private synchronized void abandonVideoIfNoneCame() {
        if (videoIn || finishing) {
            return;
        }
        videoAbandoned = true;
        // Unlinked before the EOS, and never linked again: a tee pushes a new stream's sticky events
        // (stream-start, caps) before any buffer, past every buffer probe; a stream-start clears a
        // pad's EOS, and caps reaching a muxer that already wrote its header are a fatal error
        // ("Could not multiplex stream"). The unlinked pad's probe still sees late video.
        Pad queueSink = queueSinks.get(TrackKind.VIDEO);
        Pad teePad = teePads.get(TrackKind.VIDEO);
        if (teePad != null) {
            teePad.unlink(queueSink);
        }
        queueSink.sendEvent(new EOSEvent());
        System.out.println("recording " + file.file().getFileName() + ": no video key frame within "
                + VIDEO_GRACE.toSeconds() + " s; the file goes on with audio only");
        System.out.flush();
    }

    RecordedFile file() {
        return file;
    }

    boolean records(TrackKind kind) {
        return queues.containsKey(kind);
    }

    /**
     * Connects a track's tee; video waits for its first key frame so that the file starts decodable.
     * The gate sits on the tee's pad, before the push: a buffer it drops never reaches the queue.
     * Once the file went on without video, a video tee pad is not linked at all (see
     * {@link #abandonVideoIfNoneCame}); its gate then only notices the late video.
     */
    synchronized void attach(TrackKind kind, Element tee) {
        Element queue = queues.get(kind);
        if (queue == null || teePads.containsKey(kind)) {
            return;
        }
        Pad teePad = tee.getRequestPad("src_%u");
        teePad.addProbe(PadProbeType.BUFFER, (pad, info) -> {
            if (kind == TrackKind.VIDEO && (videoAbandoned || info.getBuffer().getFlags().contains(BufferFlags.DELTA_UNIT))) {
                if (videoAbandoned && !info.getBuffer().getFlags().contains(BufferFlags.DELTA_UNIT)
                        && lateVideoTold.compareAndSet(false, true)) {
                    lateVideo.run(); // the camera came on: the publisher starts a new file that has it
                }
                return PadProbeReturn.DROP;
            }
            if (!start.compareAndSet(Start.WAITING, Start.STARTED) && start.get() != Start.STARTED) {
                return PadProbeReturn.DROP; // the file ended empty
            }
            if (kind == TrackKind.VIDEO) {
                videoIn = true;
            } else {
                audioArrived(); // never blocks: only schedules the grace check
            }
            return PadProbeReturn.REMOVE;
        });
        if (!(kind == TrackKind.VIDEO && videoAbandoned)) {
            teePad.link(queueSinks.get(kind));
        }
        teePads.put(kind, teePad);
    }

    /** Whether the file still waits for a video key frame (the publisher is asked for one meanwhile). */
    boolean awaitsVideoKeyFrame() {
        return queues.containsKey(TrackKind.VIDEO) && !videoIn && !videoAbandoned && start.get() != Start.EMPTY;
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
        finishing = true;
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
                    teePad.unlink(queueSink);
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
