package eu.plenum.media.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;

/**
 * The GStreamer pipeline of one live room: its publishers and their recordings. Everything a
 * media worker does to media goes through here. Methods are called from the worker's control
 * threads, never from GStreamer's.
 */
public final class RoomPipeline {

    private static final Duration FINISH_TIMEOUT = Duration.ofSeconds(10);

    private final Pipeline pipeline;
    /** Held for the pipeline's life: the error callback lives in this Java object (gst1-java-core drops it with a collected Bus). */
    private final org.freedesktop.gstreamer.Bus bus;
    private final Path directory;
    private final List<String> iceAddresses;
    private final Map<String, PublisherSession> publishers = new LinkedHashMap<>();
    private final AtomicReference<String> fault = new AtomicReference<>();
    private final Map<String, String> failed = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<RecordedFile>> failedFiles = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
    private boolean recording;
    /** Files a publisher ended on its own (video came late) and how many such rolls there were. */
    private final List<RecordedFile> rolledFiles = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger rolls = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.ExecutorService settler = java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rolled-files");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param directory   where recording files go (the tenant's home-region storage)
     * @param iceAddresses local addresses ICE gathers on; empty means every interface
     * @param recording   whether publishers are recorded from the start
     */
    public RoomPipeline(String roomId, Path directory, List<String> iceAddresses, boolean recording) {
        Gstreamer.init();
        this.directory = directory;
        this.iceAddresses = List.copyOf(iceAddresses);
        this.recording = recording;
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new MediaPipelineException("cannot create the recording folder", e);
        }
        pipeline = new Pipeline("room-" + roomId);
        bus = pipeline.getBus();
        // Runs on a GStreamer thread: it only decides whose error it is and hands over.
        bus.connect((org.freedesktop.gstreamer.Bus.ERROR) (source, code, message) -> {
            String reason = source.getName() + ": " + message;
            java.util.Optional<String> publisher = ElementNames.publisherOf(source);
            if (publisher.isEmpty() || !dropLater(publisher.get(), reason)) {
                fault.compareAndSet(null, reason);
            }
        });
        pipeline.play();
    }

    /**
     * An error inside one publisher's elements (its webrtcbin, depayloaders, recording branch) ends
     * that publisher only: its file is settled and it leaves; the room and its other publishers go
     * on. False when it cannot be handed over (the room is closing): then it counts as the room's.
     */
    private boolean dropLater(String publisherId, String reason) {
        try {
            settler.execute(() -> {
                if (failed.putIfAbsent(publisherId, reason) != null) {
                    return;
                }
                System.out.println("publisher " + publisherId + " ends after a media error: " + reason);
                System.out.flush();
                failedFiles.put(publisherId, unpublish(publisherId));
                failures.incrementAndGet();
            });
            return true;
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            return false;
        }
    }

    /** Publishers that ended after a media error of their own, with the reason; reported in heartbeats. */
    public List<FailedPublisher> failedPublishers() {
        return failed.entrySet().stream().filter(entry -> failedFiles.containsKey(entry.getKey()))
                .map(entry -> new FailedPublisher(entry.getKey(), entry.getValue(), failedFiles.get(entry.getKey()))).toList();
    }

    /** How many publishers ended after a media error of their own, so far. */
    public int failures() {
        return failures.get();
    }

    /** A publisher ended by an error in its own elements, and the files it had been writing. */
    public record FailedPublisher(String publisherId, String reason, List<RecordedFile> files) {
    }

    /** The first error GStreamer reported that no single publisher caused, if any: the room's pipeline is broken. */
    public Optional<String> fault() {
        return Optional.ofNullable(fault.get());
    }

    public synchronized boolean recording() {
        return recording;
    }

    public synchronized int publisherCount() {
        return publishers.size();
    }

    /** Adds a publisher and returns the SDP answer with the ICE candidates. */
    public String publish(String publisherId, String offerSdp, Set<TrackKind> kinds, boolean matroska) {
        PublisherSession session;
        synchronized (this) {
            if (publishers.containsKey(publisherId)) {
                throw new MediaPipelineException("publisher " + publisherId + " exists");
            }
            session = new PublisherSession(publisherId, pipeline, kinds, matroska, directory, iceAddresses, this::rolled,
                    kind -> forwardClients(publisherId, kind));
            publishers.put(publisherId, session);
            if (recording) {
                session.startRecording();
            }
        }
        try {
            return session.negotiate(offerSdp);
        } catch (RuntimeException e) {
            synchronized (this) {
                publishers.remove(publisherId);
            }
            session.stopRecording().ifPresent(pending -> pending.segment().dispose());
            session.dispose();
            throw e;
        }
    }

    /** Ends a publisher; returns the recording file it was writing, finalised. */
    public List<RecordedFile> unpublish(String publisherId) {
        PublisherSession session;
        synchronized (this) {
            session = publishers.remove(publisherId);
        }
        if (session == null) {
            return List.of();
        }
        List<RecordedFile> files = settle(session.stopRecording().stream().toList());
        session.dispose();
        return files;
    }

    public List<RecordedFile> stopRecording() {
        List<PublisherSession.PendingFile> pending = new ArrayList<>();
        synchronized (this) {
            recording = false;
            publishers.values().forEach(session -> session.stopRecording().ifPresent(pending::add));
        }
        return settle(pending);
    }

    /** Starts a new file per publisher; returns the files now being written. */
    public synchronized List<RecordedFile> startRecording() {
        recording = true;
        List<RecordedFile> started = new ArrayList<>();
        publishers.values().forEach(session -> started.add(session.startRecordingAndDescribe()));
        return started;
    }

    /** A file a publisher ended on its own is finalised off the streaming and control threads. */
    private void rolled(PublisherSession.PendingFile pending) {
        settler.execute(() -> {
            rolledFiles.addAll(settle(List.of(pending)));
            rolls.incrementAndGet();
        });
    }

    /** How many files publishers ended on their own so far; the worker's heartbeat reports it. */
    public int rolls() {
        return rolls.get();
    }

    /** The files publishers ended on their own, finalised. */
    public List<RecordedFile> rolledFiles() {
        return List.copyOf(rolledFiles);
    }

    /** Finalises every recording (those ended on their own included) and stops the pipeline. */
    public List<RecordedFile> close() {
        List<RecordedFile> files = new ArrayList<>(stopRecording());
        settler.shutdown();
        try {
            settler.awaitTermination(FINISH_TIMEOUT.toSeconds() + 1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        files.addAll(rolledFiles);
        synchronized (this) {
            publishers.values().forEach(PublisherSession::dispose);
            publishers.clear();
        }
        pipeline.stop();
        return files;
    }

    private static List<RecordedFile> settle(List<PublisherSession.PendingFile> pending) {
        List<RecordedFile> files = new ArrayList<>();
        for (PublisherSession.PendingFile file : pending) {
            boolean written = await(file);
            file.segment().dispose();
            RecordedFile recorded = file.segment().file();
            if (file.segment().empty()) {
                deleteEmpty(recorded.file());
                files.add(recorded.ended(true, true));
            } else {
                files.add(recorded.ended(written, false));
            }
        }
        return files;
    }

    /** A file that never got a frame holds at most a header: it is not kept, the catalogue says it is empty. */
    private static void deleteEmpty(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            System.out.println("recording " + file.getFileName() + " is empty but could not be removed: " + e.getMessage());
            System.out.flush();
        }
    }

    private static boolean await(PublisherSession.PendingFile file) {
        try {
            file.written().get(FINISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            System.out.println("recording " + file.segment().file().file().getFileName() + " not finalised within "
                    + FINISH_TIMEOUT.toSeconds() + " s: catalogued as interrupted");
            System.out.flush();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Consumers of forwarded tracks (viewer workers, the HLS transcoder), by consumer id. */
    private final Map<String, Forward> forwards = new java.util.concurrent.ConcurrentHashMap<>();

    /** Where one consumer receives which tracks. */
    public record Forward(String host, List<ForwardedTrack> tracks) {
    }

    /** One forwarded track: whose, which kind, to which UDP port of the consumer's host. */
    public record ForwardedTrack(String publisherId, TrackKind kind, int port) {
    }

    /** A track a publisher sends, as consumers can ask for it. */
    public record PublishedTrack(String publisherId, TrackKind kind, ForwardedCodec codec, long ssrc) {
    }

    /** Sets (replaces) what one consumer receives; takes effect at once for every publisher. */
    public void forward(String consumerId, Forward forward) {
        forwards.put(consumerId, forward);
        refreshForwards();
    }

    /** Stops sending to a consumer. */
    public void unforward(String consumerId) {
        if (forwards.remove(consumerId) != null) {
            refreshForwards();
        }
    }

    private void refreshForwards() {
        List<PublisherSession> sessions;
        synchronized (this) {
            sessions = List.copyOf(publishers.values());
        }
        sessions.forEach(PublisherSession::refreshForwards);
    }

    private String forwardClients(String publisherId, TrackKind kind) {
        return forwards.values().stream().flatMap(forward -> forward.tracks().stream()
                .filter(track -> track.publisherId().equals(publisherId) && track.kind() == kind)
                .map(track -> forward.host() + ":" + track.port()))
                .distinct().collect(java.util.stream.Collectors.joining(","));
    }

    /** Every track the room's publishers send now, in the order they joined. */
    public synchronized List<PublishedTrack> tracks() {
        List<PublishedTrack> tracks = new ArrayList<>();
        publishers.forEach((id, session) -> session.forwardedTracks().forEach((kind, forwarded) ->
                tracks.add(new PublishedTrack(id, kind, forwarded.codec(), forwarded.ssrc()))));
        return tracks;
    }

    /** Asks a publisher for a key frame for its viewers (at most one a second); false when none went out. */
    public boolean requestKeyFrameForViewers(String publisherId) {
        PublisherSession session;
        synchronized (this) {
            session = publishers.get(publisherId);
        }
        return session != null && session.requestKeyFrameForViewers();
    }

    /** Key frames asked of publishers for viewers so far (for the benchmark of joining bursts). */
    public synchronized int viewerKeyFrameRequests() {
        return publishers.values().stream().mapToInt(PublisherSession::viewerKeyFrameRequests).sum();
    }

    /** The file a publisher is writing now, if it records. */
    public synchronized List<RecordedFile> currentFiles() {
        return publishers.values().stream().flatMap(session -> session.currentFile().stream()).toList();
    }
}
