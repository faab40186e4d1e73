package eu.plenum.media.rooms;

import eu.plenum.media.MediaException;
import eu.plenum.media.supervisor.KeyFramesWanted;
import eu.plenum.media.supervisor.MediaConfig;
import eu.plenum.media.supervisor.NoWorkerException;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The viewer workers of the live rooms on this node. A room's ingest worker forwards its main
 * publisher's tracks to each of them; each serves up to {@code plenum.media.viewers-per-worker} WHEP
 * viewers. Viewers are placed on a worker with room, a new worker is taken from the warm pool when
 * all are full, and idle ones are closed. A viewer worker that dies takes only its viewers with it
 * (their pages reconnect and are placed again); the ingest worker and the recording never notice.
 *
 * <p>The room's lock is held only to choose (or start) a worker and reserve a place; the
 * negotiation with the viewer, which waits for ICE gathering, runs outside it, so a burst of
 * joining viewers is negotiated in parallel.
 */
@ApplicationScoped
public class RoomViewers {

    private static final Logger LOG = Logger.getLogger(RoomViewers.class);
    private static final Duration TRACKS_WAIT = Duration.ofSeconds(3);
    /** A placement the worker does not report yet is kept this long (it may still be negotiating). */
    private static final Duration PLACEMENT_GRACE = Duration.ofSeconds(10);
    /**
     * A worker built for a former stage keeps its viewers this long (attendee pages reconnect to the new
     * stage when they hear of it, spread over a few seconds; other WHEP clients are ended after it).
     */
    private static final Duration FORMER_STAGE_GRACE = Duration.ofSeconds(20);

    private final LiveRooms rooms;
    private final RoomStore store;
    private final WorkerPool pool;
    private final WorkerControlClient control;
    private final MediaConfig config;
    private final jakarta.enterprise.inject.Instance<eu.plenum.media.ViewerAdmissions> admissions;
    private final Map<UUID, List<ViewerWorker>> byRoom = new ConcurrentHashMap<>();
    private final Map<UUID, Placement> placements = new ConcurrentHashMap<>();
    private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** The most WebRTC viewers each room had at once on this node (kept while the room is live here). */
    private final Map<UUID, Integer> peaks = new ConcurrentHashMap<>();
    /** Pinned stage videos of the rooms served here, refreshed every tidy (a pin may be set on another node). */
    private final Map<UUID, UUID> pins = new ConcurrentHashMap<>();
    private final RoomStages stages;
    private ScheduledExecutorService housekeeping;

    /** A viewer worker of one room, the stage it was built for (its tracks are fixed) and the viewers placed on it. */
    private static final class ViewerWorker {
        final WorkerProcess process;
        final UUID roomId;
        final List<String> stage;
        final Set<UUID> viewers = ConcurrentHashMap.newKeySet();
        volatile Instant idleSince = Instant.now();
        /** Set when the room's stage moved on: no new viewers, closed when empty or after {@link #FORMER_STAGE_GRACE}. */
        volatile Instant formerSince;

        ViewerWorker(WorkerProcess process, UUID roomId, List<String> stage) {
            this.process = process;
            this.roomId = roomId;
            this.stage = stage;
        }
    }

    private record Placement(UUID viewerId, UUID roomId, UUID holder, ViewerWorker worker, Instant placedAt) {
    }

    RoomViewers(LiveRooms rooms, RoomStore store, WorkerPool pool, WorkerControlClient control, MediaConfig config,
            jakarta.enterprise.inject.Instance<eu.plenum.media.ViewerAdmissions> admissions, RoomStages stages) {
        this.stages = stages;
        this.admissions = admissions;
        this.rooms = rooms;
        this.store = store;
        this.pool = pool;
        this.control = control;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        if (!pool.enabled()) {
            return;
        }
        housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "media-viewer-workers");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(this::tidy, 2, 2, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent stopped) {
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
    }

    /** A started viewer. */
    public record Started(UUID viewerId, String answerSdp) {
    }

    /**
     * Places a viewer of a room that is live on this node and negotiates its offer.
     *
     * @throws MediaException 409 room-not-live, 503 viewer-capacity-full, 422 offer-not-playable
     */
    public Started watch(UUID roomId, UUID holder, String offerSdp) {
        WorkerProcess ingest = rooms.ingestWorker(roomId)
                .orElseThrow(() -> new MediaException(409, "room-not-live", "The room is not live; the page waits for the host.", 5));
        endOldestBeyondLimit(holder);
        endOnFormerStage(holder, roomId);
        ViewerWorker worker = place(roomId, ingest);
        UUID viewerId = UUID.randomUUID();
        worker.viewers.add(viewerId);
        placements.put(viewerId, new Placement(viewerId, roomId, holder, worker, Instant.now()));
        peaks.merge(roomId, viewers(roomId), Math::max);
        try {
            String answer = control.post(worker.process, "/viewers/" + viewerId, new WorkerProtocol.ViewerOffer(offerSdp),
                    WorkerProtocol.ViewerAnswer.class).sdp();
            return new Started(viewerId, answer);
        } catch (ControlException e) {
            forget(viewerId);
            if (e.status() == 422) {
                throw new MediaException(422, "offer-not-playable", "The offer cannot receive this room's media: " + e.getMessage());
            }
            throw new MediaException(503, "viewer-capacity-full", "No viewer place could be set up just now; play HLS or try again.", 10);
        }
    }

    /** Ends one viewer of {@code holder}; false when this node has no such viewer of that room and holder. */
    public boolean leave(UUID roomId, UUID viewerId, UUID holder) {
        Placement placement = placements.get(viewerId);
        if (placement == null || !placement.holder().equals(holder)) {
            return false;
        }
        return leave(roomId, viewerId);
    }

    private boolean leave(UUID roomId, UUID viewerId) {
        Placement placement = placements.get(viewerId);
        if (placement == null || !placement.roomId().equals(roomId)) {
            return false;
        }
        forget(viewerId);
        try {
            control.delete(placement.worker().process, "/viewers/" + viewerId, Void.class);
        } catch (ControlException gone) {
            // the worker ended it already, or is gone with it
        }
        return true;
    }

    /** Ends every viewer of a holder on this node; returns how many. */
    public int endFor(UUID holder) {
        List<Placement> of = placements.values().stream().filter(placement -> placement.holder().equals(holder)).toList();
        of.forEach(placement -> leave(placement.roomId(), placement.viewerId()));
        return of.size();
    }

    /** WebRTC viewers of a room on this node now. */
    public int viewers(UUID roomId) {
        return byRoom.getOrDefault(roomId, List.of()).stream().mapToInt(worker -> worker.viewers.size()).sum();
    }

    /** The rooms whose viewers this node serves (for the audience reports). */
    public Set<UUID> rooms() {
        return Set.copyOf(byRoom.keySet());
    }

    /** The most WebRTC viewers the room had at once on this node. */
    public int peak(UUID roomId) {
        return peaks.getOrDefault(roomId, 0);
    }

    /** The processes serving a room's viewers on this node (for the console and tests). */
    public List<WorkerProcess> workersOf(UUID roomId) {
        return byRoom.getOrDefault(roomId, List.of()).stream().map(worker -> worker.process).toList();
    }

    private void endOldestBeyondLimit(UUID holder) {
        List<Placement> of = placements.values().stream().filter(placement -> placement.holder().equals(holder))
                .sorted(java.util.Comparator.comparing(Placement::placedAt)).toList();
        for (int i = 0; i <= of.size() - config.viewersPerHolder(); i++) {
            leave(of.get(i).roomId(), of.get(i).viewerId());
        }
    }

    /**
     * A holder asking again while its viewer is on a worker of a former stage is moving to the new one:
     * the old place is given up first, so a full room never sends a page that follows the stage to HLS.
     */
    private void endOnFormerStage(UUID holder, UUID roomId) {
        placements.values().stream().filter(placement -> placement.holder().equals(holder) && placement.roomId().equals(roomId)
                && placement.worker().formerSince != null).toList().forEach(placement -> leave(roomId, placement.viewerId()));
    }

    /** Reserves a place on a worker with room, starting one when all are full. */
    private ViewerWorker place(UUID roomId, WorkerProcess ingest) {
        ReentrantLock lock = locks.computeIfAbsent(roomId, id -> new ReentrantLock());
        lock.lock();
        try {
            List<ViewerWorker> workers = byRoom.computeIfAbsent(roomId, id -> new CopyOnWriteArrayList<>());
            long places = rooms.viewerPlaces(roomId); // the node's capacity, lowered by the tenant's quota (quotas)
            if (viewers(roomId) >= places) {
                throw capacityFull("The room's WebRTC places (" + places + ") are taken; play HLS.");
            }
            for (ViewerWorker worker : workers) {
                if (worker.process.phase() == WorkerProcess.Phase.BUSY && worker.formerSince == null
                        && worker.viewers.size() < config.viewersPerWorker()) {
                    return worker;
                }
            }
            ViewerWorker started = startWorker(roomId, ingest);
            workers.add(started);
            return started;
        } finally {
            lock.unlock();
        }
    }

    private ViewerWorker startWorker(UUID roomId, WorkerProcess ingest) {
        List<WorkerProtocol.Track> tracks = stageTracks(awaitTracks(ingest), pins.get(roomId));
        if (tracks.isEmpty()) {
            throw new MediaException(409, "room-not-live", "The room sends no media yet; the page tries again.", 2);
        }
        WorkerProcess process;
        try {
            process = pool.acquire(roomId.toString(), store.read(roomId, LiveRoom::tenantId), WorkerProcess.Job.VIEWERS);
        } catch (NoWorkerException e) {
            throw capacityFull("No viewer worker is free on this node: " + e.getMessage());
        }
        try {
            WorkerProtocol.Ports ports = control.post(process, "/viewing", new WorkerProtocol.Viewing(roomId.toString(),
                    config.iceAddresses().orElse(List.of()), tracks, config.viewersPerWorker()), WorkerProtocol.Ports.class);
            control.put(ingest, "/forwards/" + process.id(), new WorkerProtocol.Forward("127.0.0.1", ports.tracks()), Void.class);
        } catch (ControlException e) {
            process.kill();
            throw capacityFull("A viewer worker could not be set up: " + e.getMessage());
        }
        LOG.infof("Room %s has a new viewer worker %s (pid %d)", roomId, process.id(), process.pid());
        return new ViewerWorker(process, roomId, keys(tracks));
    }

    /**
     * The ingest worker reports its tracks in its heartbeat; right after a publisher joined they may not be
     * all there yet. Waits up to {@link #TRACKS_WAIT} for a video and an audio track (a camera that is off
     * gives audio only: then the viewers get audio).
     */
    private static List<WorkerProtocol.Track> awaitTracks(WorkerProcess ingest) {
        Instant deadline = Instant.now().plus(TRACKS_WAIT);
        while (true) {
            List<WorkerProtocol.Track> tracks = ingest.lastBeat().map(WorkerProtocol.Heartbeat::tracks).orElse(List.of());
            // A publisher's audio pad often comes a moment before its video: a viewer worker made with the audio
            // alone would never show the picture (its tracks are fixed), so both kinds are waited for.
            boolean both = tracks != null && tracks.stream().anyMatch(track -> "VIDEO".equals(track.kind()))
                    && tracks.stream().anyMatch(track -> "AUDIO".equals(track.kind()));
            if (both || Instant.now().isAfter(deadline)) {
                return tracks == null ? List.of() : tracks;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
    }

    /**
     * The stage, what WHEP viewers get (tracks in the order publishers joined): the pinned publisher's
     * video while it sends one, else the newest publisher's video (a screen share started after the
     * camera takes the stage; when it ends, the camera is back), and the first publisher's audio (the
     * host's microphone, as a rule).
     */
    static List<WorkerProtocol.Track> stageTracks(List<WorkerProtocol.Track> tracks, UUID pinned) {
        List<WorkerProtocol.Track> stage = new ArrayList<>();
        RoomStages.videoOnStage(tracks.stream().filter(track -> "VIDEO".equals(track.kind())).toList(), pinned).ifPresent(stage::add);
        tracks.stream().filter(track -> "AUDIO".equals(track.kind())).findFirst().ifPresent(stage::add);
        return stage;
    }

    private static List<String> keys(List<WorkerProtocol.Track> tracks) {
        return tracks.stream().map(track -> track.publisherId() + "/" + track.kind()).toList();
    }

    private static MediaException capacityFull(String detail) {
        return new MediaException(503, "viewer-capacity-full", detail, 30);
    }

    private void forget(UUID viewerId) {
        Placement placement = placements.remove(viewerId);
        if (placement != null) {
            placement.worker().viewers.remove(viewerId);
            if (placement.worker().viewers.isEmpty()) {
                placement.worker().idleSince = Instant.now();
            }
        }
    }

    /** Viewers asked for key frames: the room's ingest worker asks the publisher (at most once a second per track). */
    void keyFramesWanted(@ObservesAsync KeyFramesWanted wanted) {
        UUID roomId = UUID.fromString(wanted.roomId());
        rooms.ingestWorker(roomId).ifPresent(ingest -> wanted.publisherIds().forEach(publisher -> {
            try {
                control.post(ingest, "/publishers/" + publisher + "/key-frame", null, Map.class);
            } catch (ControlException e) {
                LOG.debugf("Key frame for room %s not requested: %s", roomId, e.getMessage());
            }
        }));
    }

    /** A viewer worker died: its viewers are forgotten (their pages reconnect), the ingest worker stops sending to it. */
    void workerLost(@ObservesAsync WorkerLost lost) {
        if (lost.job() != WorkerProcess.Job.VIEWERS) {
            return;
        }
        byRoom.values().forEach(workers -> workers.stream().filter(worker -> worker.process.id().equals(lost.workerId()))
                .toList().forEach(this::drop));
    }

    private void drop(ViewerWorker worker) {
        byRoom.getOrDefault(worker.roomId, List.of()).remove(worker);
        worker.viewers.forEach(placements::remove);
        worker.viewers.clear();
        rooms.ingestWorker(worker.roomId).ifPresent(ingest -> {
            try {
                control.delete(ingest, "/forwards/" + worker.process.id(), Void.class);
            } catch (ControlException ignored) {
                // the room worker is ending too
            }
        });
    }

    /**
     * Every 2 s: ends viewers whose holders may no longer watch ({@link eu.plenum.media.ViewerAdmissions}),
     * forgets viewers their worker no longer serves (gone without a DELETE), closes
     * workers idle for {@code viewer-worker-idle}, and those of rooms that are no longer live here.
     */
    private void tidy() {
        try {
            endRevoked();
            refreshPins();
            Instant now = Instant.now();
            for (Map.Entry<UUID, List<ViewerWorker>> room : byRoom.entrySet()) {
                Optional<WorkerProcess> ingest = rooms.ingestWorker(room.getKey());
                boolean live = ingest.isPresent();
                ingest.ifPresent(worker -> followStage(room.getKey(), worker, room.getValue(), now));
                for (ViewerWorker worker : room.getValue()) {
                    forgetUnreported(worker, now);
                    boolean idle = worker.viewers.isEmpty()
                            && Duration.between(worker.idleSince, now).compareTo(config.viewerWorkerIdle()) > 0;
                    boolean former = worker.formerSince != null && (worker.viewers.isEmpty()
                            || Duration.between(worker.formerSince, now).compareTo(FORMER_STAGE_GRACE) > 0);
                    if (!live || idle || former || worker.process.phase() == WorkerProcess.Phase.DEAD) {
                        close(worker);
                    }
                }
                if (room.getValue().isEmpty() && !live) {
                    byRoom.remove(room.getKey());
                    locks.remove(room.getKey());
                    peaks.remove(room.getKey());
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Tidying viewer workers failed: %s", e.getMessage());
        }
    }

    /**
     * When the room's stage moved on (a camera switched on late, a screen share started or ended, the
     * host pinned another video), the workers built for the former one take no new viewers, the stage's
     * version grows and attendee pages reconnect — to a worker built for the new stage. A heartbeat
     * without tracks (a publisher between sessions) changes nothing.
     */
    private void followStage(UUID roomId, WorkerProcess ingest, List<ViewerWorker> workers, Instant now) {
        List<WorkerProtocol.Track> tracks = ingest.lastBeat().map(WorkerProtocol.Heartbeat::tracks).orElse(null);
        if (tracks == null || tracks.isEmpty()) {
            return;
        }
        List<String> stage = keys(stageTracks(tracks, pins.get(roomId)));
        boolean moved = false;
        for (ViewerWorker worker : workers) {
            if (worker.formerSince == null && !worker.stage.equals(stage)) {
                worker.formerSince = now;
                moved = true;
            }
        }
        if (moved) {
            LOG.infof("Room %s has a new stage %s; its viewers move to new viewer workers", roomId, stage);
            stages.advance(roomId);
        }
    }

    private void refreshPins() {
        Map<UUID, UUID> now = stages.pins(byRoom.keySet());
        pins.keySet().retainAll(now.keySet());
        pins.putAll(now);
    }

    /** Ends the viewers whose holders may no longer watch (asked in one batch of this node's holders). */
    private void endRevoked() {
        Set<UUID> holders = new java.util.HashSet<>();
        placements.values().forEach(placement -> holders.add(placement.holder()));
        if (holders.isEmpty() || !admissions.isResolvable()) {
            return;
        }
        Set<UUID> revoked = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> admissions.get().revoked(holders));
        revoked.forEach(holder -> {
            int ended = endFor(holder);
            LOG.infof("Ended %d viewer(s) of a holder that may no longer watch", ended);
        });
    }

    private void forgetUnreported(ViewerWorker worker, Instant now) {
        Optional<WorkerProtocol.Heartbeat> beat = worker.process.lastBeat();
        if (beat.isEmpty() || beat.get().viewers() == null) {
            return;
        }
        Set<String> served = Set.copyOf(beat.get().viewers());
        for (UUID viewerId : List.copyOf(worker.viewers)) {
            Placement placement = placements.get(viewerId);
            if (!served.contains(viewerId.toString()) && placement != null
                    && Duration.between(placement.placedAt(), now).compareTo(PLACEMENT_GRACE) > 0) {
                forget(viewerId);
            }
        }
    }

    private void close(ViewerWorker worker) {
        drop(worker);
        if (worker.process.phase() == WorkerProcess.Phase.BUSY) {
            try {
                control.post(worker.process, "/close", null, WorkerProtocol.Files.class);
            } catch (ControlException e) {
                worker.process.kill();
            }
            pool.retire(worker.process);
        }
        LOG.infof("Viewer worker %s of room %s closed", worker.process.id(), worker.roomId);
    }
}
