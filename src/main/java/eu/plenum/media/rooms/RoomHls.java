package eu.plenum.media.rooms;

import eu.plenum.media.supervisor.HlsConfig;
import eu.plenum.media.supervisor.WorkerControlClient;
import eu.plenum.media.supervisor.WorkerControlClient.ControlException;
import eu.plenum.media.supervisor.WorkerLost;
import eu.plenum.media.supervisor.WorkerPool;
import eu.plenum.media.supervisor.WorkerProcess;
import eu.plenum.media.worker.WorkerProtocol;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The HLS transcoders of the rooms live on this node: one pooled worker per room (never the
 * room's ingest worker), fed by the ingest worker's forwards ({@code PUT /forwards/hls-<room>}):
 * the video on the stage ({@link RoomStages#videoOnStage}: the pinned one, else the newest) and
 * every publisher's audio. Once a second it starts what is missing, re-points the forwards when
 * publishers come and go, replaces a transcoder that died (the next one continues the playlists;
 * the recording never notices) and, when a room is no longer live here, closes its transcoder and
 * removes its live folder.
 */
@ApplicationScoped
public class RoomHls {

    private static final Logger LOG = Logger.getLogger(RoomHls.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    /** A failed start is tried again after this long, not every tick. */
    private static final Duration RETRY = Duration.ofSeconds(5);
    /** Key frames asked for on this many ticks after the video input changed (a PLI can be lost). */
    private static final int KEY_FRAME_TICKS = 3;

    private final LiveRooms rooms;
    private final RoomStore store;
    private final WorkerPool pool;
    private final WorkerControlClient control;
    private final HlsConfig config;
    private final RoomStages stages;
    private final Map<UUID, Transcoder> transcoders = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> failedAt = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticks;

    /** One room's transcoder, the ports it listens on and what the ingest worker was last told to send it. */
    private static final class Transcoder {
        final WorkerProcess worker;
        final WorkerProtocol.TranscodePorts ports;
        /** Audio input port per publisher, kept while the publisher stays (a port is never shared by two at once). */
        final Map<String, Integer> audioPorts = new LinkedHashMap<>();
        List<WorkerProtocol.ForwardTrack> forwarded;
        String videoPublisher;
        int keyFrameTicks;

        Transcoder(WorkerProcess worker, WorkerProtocol.TranscodePorts ports) {
            this.worker = worker;
            this.ports = ports;
        }
    }

    RoomHls(LiveRooms rooms, RoomStore store, WorkerPool pool, WorkerControlClient control, HlsConfig config, RoomStages stages) {
        this.stages = stages;
        this.rooms = rooms;
        this.store = store;
        this.pool = pool;
        this.control = control;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        if (!pool.enabled() || !config.enabled()) {
            return;
        }
        // No room is live on a node that just started: live folders left by an earlier run are stale.
        try (Stream<Path> stale = Files.exists(base()) ? Files.list(base()) : Stream.empty()) {
            stale.forEach(RoomHls::deleteTree);
        } catch (IOException e) {
            LOG.warnf("Stale HLS folders in %s not removed: %s", base(), e.getMessage());
        }
        ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "media-hls");
            thread.setDaemon(true);
            return thread;
        });
        ticks.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopped) {
        if (ticks != null) {
            ticks.shutdownNow();
        }
    }

    /** Whether the room has HLS here now: a transcoder runs and its live playlist exists. */
    public boolean running(UUID roomId) {
        Transcoder transcoder = transcoders.get(roomId);
        return transcoder != null && transcoder.worker.phase() == WorkerProcess.Phase.BUSY
                && Files.exists(folder(roomId).resolve(eu.plenum.media.worker.HlsPlaylists.LIVE));
    }

    /** The room's live folder: segments and playlists, served by the public playback routes. */
    public Path folder(UUID roomId) {
        return base().resolve(roomId.toString());
    }

    /** The worker that transcodes the room, if one does (tests kill it to see HLS resume). */
    public Optional<WorkerProcess> transcoderOf(UUID roomId) {
        return Optional.ofNullable(transcoders.get(roomId)).map(transcoder -> transcoder.worker);
    }

    /** A transcoder died: it is forgotten, and the next tick starts another (the room and its recording go on). */
    void workerLost(@ObservesAsync WorkerLost lost) {
        if (lost.job() != WorkerProcess.Job.TRANSCODER || lost.roomId() == null) {
            return;
        }
        UUID roomId = UUID.fromString(lost.roomId());
        transcoders.computeIfPresent(roomId, (id, transcoder) -> transcoder.worker.id().equals(lost.workerId()) ? null : transcoder);
        LOG.warnf("HLS transcoder %s of room %s died (%s); another one takes over", lost.workerId(), roomId, lost.reason());
    }

    private void tick() {
        try {
            Set<UUID> live = rooms.liveHere();
            Map<UUID, UUID> pins = live.isEmpty() ? Map.of() : stages.pins(live);
            for (UUID roomId : live) {
                try {
                    keepUp(roomId, pins.get(roomId));
                } catch (RuntimeException e) {
                    LOG.warnf("HLS of room %s: %s", roomId, e.getMessage());
                }
            }
            for (UUID roomId : List.copyOf(transcoders.keySet())) {
                if (!live.contains(roomId)) {
                    end(roomId);
                }
            }
            for (UUID roomId : List.copyOf(failedAt.keySet())) {
                if (!live.contains(roomId)) {
                    failedAt.remove(roomId);
                    deleteTree(folder(roomId));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("HLS housekeeping failed: %s", e.getMessage());
        }
    }

    private void keepUp(UUID roomId, UUID pinned) {
        Transcoder transcoder = transcoders.get(roomId);
        if (transcoder != null && transcoder.worker.phase() == WorkerProcess.Phase.DEAD) {
            transcoders.remove(roomId, transcoder);
            transcoder = null;
        }
        if (transcoder == null) {
            Instant failed = failedAt.get(roomId);
            if (failed != null && Instant.now().isBefore(failed.plus(RETRY))) {
                return;
            }
            transcoder = startTranscoder(roomId);
            if (transcoder == null) {
                return;
            }
        }
        Optional<WorkerProcess> ingest = rooms.ingestWorker(roomId);
        if (ingest.isPresent()) {
            forward(roomId, ingest.get(), transcoder, pinned);
        }
    }

    private Transcoder startTranscoder(UUID roomId) {
        WorkerProcess worker;
        try {
            worker = pool.acquire(roomId.toString(), store.read(roomId, LiveRoom::tenantId), WorkerProcess.Job.TRANSCODER);
        } catch (RuntimeException e) {
            failedAt.put(roomId, Instant.now());
            LOG.warnf("No worker for the HLS transcoder of room %s: %s", roomId, e.getMessage());
            return null;
        }
        try {
            worker.identity().grant(folder(roomId), true); // a successor carries on the room's playlist
            WorkerProtocol.TranscodePorts ports = control.post(worker, "/hls", new WorkerProtocol.Transcode(roomId.toString(),
                    folder(roomId).toAbsolutePath().toString(), config.bindAddress(), config.width(), config.height(),
                    config.framerate(), config.videoKbps(), config.audioInputs(), config.window()), WorkerProtocol.TranscodePorts.class);
            Transcoder started = new Transcoder(worker, ports);
            transcoders.put(roomId, started);
            failedAt.remove(roomId);
            LOG.infof("Room %s has an HLS transcoder: worker %s (pid %d), generation %d", roomId, worker.id(), worker.pid(),
                    ports.generation());
            return started;
        } catch (ControlException | java.io.UncheckedIOException e) {
            failedAt.put(roomId, Instant.now());
            worker.kill();
            LOG.warnf("The HLS transcoder of room %s did not start: %s (worker output: %s)", roomId, e.getMessage(), worker.lastOutput());
            return null;
        }
    }

    /** Tells the ingest worker what to send the transcoder, when that changed; asks for key frames after a video change. */
    private void forward(UUID roomId, WorkerProcess ingest, Transcoder transcoder, UUID pinned) {
        List<WorkerProtocol.Track> tracks = ingest.lastBeat().map(WorkerProtocol.Heartbeat::tracks).orElse(List.of());
        tracks = tracks == null ? List.of() : tracks;
        List<WorkerProtocol.ForwardTrack> wanted = new ArrayList<>();
        Optional<WorkerProtocol.Track> video = RoomStages.videoOnStage(tracks.stream().filter(track -> "VIDEO".equals(track.kind()))
                .filter(track -> transcoder.ports.video().containsKey(track.encoding())).toList(), pinned);
        video.ifPresent(track -> wanted.add(new WorkerProtocol.ForwardTrack(track.publisherId(), "VIDEO",
                transcoder.ports.video().get(track.encoding()))));
        List<String> speaking = tracks.stream().filter(track -> "AUDIO".equals(track.kind())).map(WorkerProtocol.Track::publisherId)
                .distinct().toList();
        transcoder.audioPorts.keySet().retainAll(speaking);
        for (String publisher : speaking) {
            Integer port = transcoder.audioPorts.get(publisher);
            if (port == null) {
                port = transcoder.ports.audio().stream().filter(free -> !transcoder.audioPorts.containsValue(free)).findFirst().orElse(null);
                if (port == null) {
                    continue; // more speakers than audio inputs: the first ones are heard
                }
                transcoder.audioPorts.put(publisher, port);
            }
            wanted.add(new WorkerProtocol.ForwardTrack(publisher, "AUDIO", port));
        }
        wanted.sort(Comparator.comparing(WorkerProtocol.ForwardTrack::port));
        if (!wanted.equals(transcoder.forwarded)) {
            control.put(ingest, "/forwards/hls-" + roomId, new WorkerProtocol.Forward(config.bindAddress(), wanted), Void.class);
            transcoder.forwarded = wanted;
            String videoPublisher = video.map(WorkerProtocol.Track::publisherId).orElse(null);
            if (videoPublisher != null && !videoPublisher.equals(transcoder.videoPublisher)) {
                transcoder.keyFrameTicks = KEY_FRAME_TICKS;
            }
            transcoder.videoPublisher = videoPublisher;
        }
        if (transcoder.keyFrameTicks > 0 && transcoder.videoPublisher != null) {
            transcoder.keyFrameTicks--;
            try {
                // The transcoder's decoder starts at a key frame; the ingest worker rate-limits these per track.
                control.post(ingest, "/publishers/" + transcoder.videoPublisher + "/key-frame", null, Map.class);
            } catch (ControlException e) {
                LOG.debugf("Key frame for the HLS of room %s not requested: %s", roomId, e.getMessage());
            }
        }
    }

    private void end(UUID roomId) {
        Transcoder transcoder = transcoders.remove(roomId);
        if (transcoder != null && transcoder.worker.phase() == WorkerProcess.Phase.BUSY) {
            try {
                control.post(transcoder.worker, "/close", null, WorkerProtocol.Files.class);
            } catch (ControlException e) {
                transcoder.worker.kill();
            }
            pool.retire(transcoder.worker);
        }
        deleteTree(folder(roomId));
        LOG.infof("HLS of room %s ended; its live folder is removed", roomId);
    }

    private Path base() {
        return Path.of(config.directory()).toAbsolutePath();
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.debugf("%s not removed: %s", path, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warnf("HLS folder %s not removed: %s", root, e.getMessage());
        }
    }
}
