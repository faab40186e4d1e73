package eu.plenum.media.rooms;

import eu.plenum.identity.TenantDirectory;
import eu.plenum.media.MediaException;
import eu.plenum.media.supervisor.MediaConfig;
import eu.plenum.media.supervisor.NoWorkerException;
import eu.plenum.media.supervisor.WorkerCapacityException;
import eu.plenum.media.supervisor.WorkerControlClient;
import eu.plenum.media.supervisor.WorkerControlClient.ControlException;
import eu.plenum.media.supervisor.FilesRolled;
import eu.plenum.media.supervisor.PublishersFailed;
import eu.plenum.media.supervisor.WorkerLost;
import eu.plenum.media.supervisor.WorkerPool;
import eu.plenum.media.supervisor.WorkerProcess;
import eu.plenum.media.whip.SdpOffer;
import eu.plenum.media.worker.WorkerProtocol;
import eu.plenum.residency.DeclaredPlace;
import eu.plenum.media.storage.RecordingStores;
import eu.plenum.residency.DeclaredPlaces;
import eu.plenum.residency.PersonalDataTransfer;
import eu.plenum.residency.TransferGuard;
import eu.plenum.scheduling.SessionsCancelled;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What happens to a live room: going live on a pooled worker, publishers joining and leaving,
 * recording on and off, ending — cleanly or because its worker died. One lock per room orders
 * these; no database transaction stays open while a worker is asked for something.
 */
@ApplicationScoped
public class LiveRooms {

    private static final Logger LOG = Logger.getLogger(LiveRooms.class);

    private final RoomStore store;
    private final WorkerPool pool;
    private final WorkerControlClient control;
    private final MediaConfig config;
    private final DeclaredPlaces places;
    private final TransferGuard guard;
    private final TenantDirectory tenants;
    private final RoomSignals signals;
    private final PublisherSubjects publishers;
    private final String nodeId;
    /** Where cancelled sessions' rooms are closed: no context of the cancelling request is carried over (it has ended). */
    private final java.util.concurrent.ExecutorService closer = java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "media-room-closer");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, WorkerProcess> workers = new ConcurrentHashMap<>();
    private final RecordingStores stores;
    private final eu.plenum.quotas.TenantQuotas quotas;
    private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

    LiveRooms(RoomStore store, WorkerPool pool, WorkerControlClient control, MediaConfig config, DeclaredPlaces places,
            TransferGuard guard, TenantDirectory tenants, RoomSignals signals, PublisherSubjects publishers,
            @ConfigProperty(name = "plenum.node-id", defaultValue = "local") String nodeId, RecordingStores stores,
            eu.plenum.quotas.TenantQuotas quotas) {
        this.quotas = quotas;
        this.stores = stores;
        this.publishers = publishers;
        this.store = store;
        this.pool = pool;
        this.control = control;
        this.config = config;
        this.places = places;
        this.guard = guard;
        this.tenants = tenants;
        this.signals = signals;
        this.nodeId = nodeId;
    }

    /** The ingest worker of a room that is live on this node, if it is. */
    public java.util.Optional<WorkerProcess> ingestWorker(UUID roomId) {
        return java.util.Optional.ofNullable(workers.get(roomId)).filter(worker -> worker.phase() == WorkerProcess.Phase.BUSY);
    }

    /** WebRTC viewer places of a room: the node's capacity per room, lowered by its tenant's quota. */
    public long viewerPlaces(UUID roomId) {
        return quotas.viewerPlaces(store.read(roomId, LiveRoom::tenantId), config.maxViewersPerRoom());
    }

    /** The rooms live on this node now (their ingest workers serve them). */
    public java.util.Set<UUID> liveHere() {
        java.util.Set<UUID> live = new java.util.HashSet<>();
        workers.forEach((roomId, worker) -> {
            if (worker.phase() == WorkerProcess.Phase.BUSY) {
                live.add(roomId);
            }
        });
        return live;
    }

    /** A new WHIP session: 201 material (publisher id and SDP answer). */
    public record Published(UUID publisherId, String answerSdp) {
    }

    public Published publish(UUID roomId, SdpOffer offer, String sdp) {
        return locked(roomId, () -> {
            // A suspended tenant does not go live, whatever the credential (stream key or host token).
            tenants.requireActive(store.read(roomId, LiveRoom::tenantId));
            if (store.read(roomId, LiveRoom::cancelled)) {
                throw new MediaException(409, "session-cancelled", "This session is cancelled; its room does not go live again.");
            }
            // Tenant quotas (concurrent live rooms; recording storage when it records from the start): a room not live yet only.
            store.read(roomId, room -> quotas.admitGoLiveUnless(room.status() == LiveRoom.Status.LIVE, room.tenantId(), room.recording()));
            int active = store.read(roomId, room ->
                    room.status() == LiveRoom.Status.LIVE ? store.activePublishers(roomId).size() : 0);
            int limit = store.read(roomId, LiveRoom::publisherLimit);
            if (active >= limit) {
                throw new MediaException(409, "publisher-limit", "This room already has " + active + " publishers, its limit; "
                        + "end one WHIP session (DELETE its resource) before starting another.");
            }
            WorkerProcess worker = ensureLive(roomId);
            UUID publisherId = UUID.randomUUID();
            WorkerProtocol.Answer answer;
            try {
                answer = control.post(worker, "/publishers/" + publisherId, new WorkerProtocol.Publish(sdp, offer.hasVideo(),
                        offer.hasAudio(), offer.needsMatroska()), WorkerProtocol.Answer.class);
            } catch (ControlException e) {
                LOG.warnf("Media worker %s refused a publisher of room %s: %s (worker output: %s)", worker.id(), roomId,
                        e.getMessage(), worker.lastOutput());
                throw e.status() == 422 || e.status() == 409
                        ? new MediaException(422, "offer-not-usable", "The media server cannot use this offer: " + e.getMessage())
                        : new MediaException(503, "media-worker-unavailable", "The room's media worker did not answer; try again.");
            }
            DeclaredPlace storage = storageFor(roomId);
            String publisherKey = publishers.current(store.read(roomId, LiveRoom::tenantId)).orElse(null);
            store.change(roomId, room -> {
                store.persist(new RoomPublisher(publisherId, room, offer.videoCodec().orElse(null), offer.audioCodec().orElse(null),
                        publisherKey));
                store.append(room, RoomEvent.Kind.PUBLISHER_JOINED, offer.tracks());
                return null;
            });
            store.change(roomId, room -> {
                store.recordingsStarted(room, answer.recording(), storage.name(), storage.region().code());
                return null;
            });
            signal(roomId);
            return new Published(publisherId, answer.sdp());
        });
    }

    public void unpublish(UUID roomId, UUID publisherId) {
        locked(roomId, () -> {
            boolean known = store.read(roomId, room -> store.publisher(roomId, publisherId).filter(RoomPublisher::active).isPresent());
            if (!known) {
                throw new MediaException(404, "unknown-whip-session", "There is no active WHIP session " + publisherId + " in this room.");
            }
            WorkerProcess worker = workers.get(roomId);
            List<WorkerProtocol.File> files = worker == null ? List.of()
                    : control.delete(worker, "/publishers/" + publisherId, WorkerProtocol.Files.class).files();
            DeclaredPlace storage = storageFor(roomId);
            Map<String, RecordingFacts> facts = RecordingFiles.describeAll(paths(files));
            store.change(roomId, room -> {
                catalogueEnded(room, files, storage, facts);
                store.publisher(roomId, publisherId).ifPresent(RoomPublisher::ended);
                store.append(room, RoomEvent.Kind.PUBLISHER_LEFT, null);
                return null;
            });
            signal(roomId);
            return null;
        });
    }

    /** Ends a live room: recordings are finalised (complete) and the worker exits. */
    public void end(UUID roomId) {
        locked(roomId, () -> {
            WorkerProcess worker = workers.get(roomId);
            if (worker == null || store.read(roomId, LiveRoom::status) != LiveRoom.Status.LIVE) {
                throw new MediaException(409, "room-not-live", "The room is not live.");
            }
            close(roomId, worker, LiveRoom.EndReason.HOST_ENDED, "ended by the host");
            return null;
        });
    }

    /**
     * Sessions were cancelled (the transaction that did it committed): their rooms are closed for
     * good — a live one ends, its files finalised — and their stream keys stop working. Runs on a
     * thread of its own, so that the host's cancel request does not wait for workers to finish files.
     */
    void sessionsCancelled(@Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS) SessionsCancelled cancelled) {
        closer.execute(() -> cancelledSessions(cancelled));
    }

    @ActivateRequestContext
    void cancelledSessions(SessionsCancelled cancelled) {
        for (UUID sessionId : cancelled.sessionIds()) {
            java.util.Optional<UUID> room = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .call(() -> store.ofSession(cancelled.tenantId(), sessionId).map(LiveRoom::id));
            room.ifPresent(roomId -> locked(roomId, () -> {
                store.change(roomId, found -> {
                    found.cancel();
                    return null;
                });
                WorkerProcess worker = workers.get(roomId);
                if (worker != null && store.read(roomId, LiveRoom::status) == LiveRoom.Status.LIVE) {
                    close(roomId, worker, LiveRoom.EndReason.CANCELLED, "the session was cancelled");
                }
                return null;
            }));
        }
    }

    /** Finalises the room's files, lets its worker go and ends the room; the caller holds the room's lock. */
    private void close(UUID roomId, WorkerProcess worker, LiveRoom.EndReason reason, String detail) {
        List<WorkerProtocol.File> files = control.post(worker, "/close", null, WorkerProtocol.Files.class).files();
        workers.remove(roomId);
        pool.retire(worker);
        DeclaredPlace storage = storageFor(roomId);
        java.util.Set<String> written = new java.util.LinkedHashSet<>(paths(files));
        written.addAll(store.pathsInProgress(roomId));
        Map<String, RecordingFacts> facts = RecordingFiles.describeAll(written);
        store.change(roomId, room -> {
            catalogueEnded(room, files, storage, facts);
            store.interruptAll(roomId, RecordingFiles.described(facts));
            store.endPublishers(roomId, publisher -> { });
            room.ended(reason);
            store.append(room, RoomEvent.Kind.ENDED, detail);
            return null;
        });
        signal(roomId);
    }

    /** Starts or stops recording during a live session; each start begins new files. */
    public void recording(UUID roomId, boolean on) {
        locked(roomId, () -> {
            WorkerProcess worker = workers.get(roomId);
            if (worker == null || store.read(roomId, LiveRoom::status) != LiveRoom.Status.LIVE) {
                throw new MediaException(409, "room-not-live", "Recording starts and stops while the room is live.");
            }
            if (on) {
                quotas.admitRecording(store.read(roomId, LiveRoom::tenantId)); // recording storage quota
            }
            List<WorkerProtocol.File> files = control.post(worker, on ? "/recording/start" : "/recording/stop", null,
                    WorkerProtocol.Files.class).files();
            DeclaredPlace storage = storageFor(roomId);
            Map<String, RecordingFacts> facts = on ? Map.of() : RecordingFiles.describeAll(paths(files));
            store.change(roomId, room -> {
                if (on) {
                    store.recordingsStarted(room, files, storage.name(), storage.region().code());
                } else {
                    catalogueEnded(room, files, storage, facts);
                }
                room.recording(on);
                store.append(room, on ? RoomEvent.Kind.RECORDING_STARTED : RoomEvent.Kind.RECORDING_STOPPED, null);
                return null;
            });
            signal(roomId);
            return null;
        });
    }

    /**
     * Closes the catalogue entries of files a worker ended. A file the catalogue does not know yet
     * (started by the worker on its own moments before, see {@link #filesRolled}) is entered first.
     */
    private void catalogueEnded(LiveRoom room, List<WorkerProtocol.File> files, DeclaredPlace storage,
            Map<String, RecordingFacts> facts) {
        store.recordingsStarted(room, files, storage.name(), storage.region().code());
        store.recordingsEnded(room.id(), files, RecordingFiles.described(facts));
    }

    private static List<String> paths(List<WorkerProtocol.File> files) {
        return files.stream().filter(file -> !file.empty()).map(WorkerProtocol.File::path).toList();
    }

    /** A publisher's video came late: the worker ended the audio-only file and started one with video. */
    @ActivateRequestContext
    void filesRolled(@jakarta.enterprise.event.ObservesAsync FilesRolled rolled) {
        UUID roomId = UUID.fromString(rolled.roomId());
        locked(roomId, () -> {
            if (store.read(roomId, LiveRoom::status) != LiveRoom.Status.LIVE) {
                return null; // ended meanwhile: its end catalogued every file the worker reported
            }
            DeclaredPlace storage = storageFor(roomId);
            Map<String, RecordingFacts> facts = RecordingFiles.describeAll(paths(rolled.rolled()));
            store.change(roomId, room -> {
                store.recordingsStarted(room, rolled.current(), storage.name(), storage.region().code());
                catalogueEnded(room, rolled.rolled(), storage, facts);
                store.append(room, RoomEvent.Kind.RECORDING_STARTED, "video started: a new file has it");
                return null;
            });
            signal(roomId);
            return null;
        });
    }

    /**
     * Publishers ended by media errors of their own: each leaves, its files catalogued; the room and
     * the other publishers go on. Idempotent: a publisher that already left is skipped.
     */
    @ActivateRequestContext
    void publishersFailed(@jakarta.enterprise.event.ObservesAsync PublishersFailed failed) {
        UUID roomId = UUID.fromString(failed.roomId());
        locked(roomId, () -> {
            if (store.read(roomId, LiveRoom::status) != LiveRoom.Status.LIVE) {
                return null;
            }
            DeclaredPlace storage = storageFor(roomId);
            for (WorkerProtocol.FailedPublisher publisher : failed.failed()) {
                UUID publisherId = UUID.fromString(publisher.publisherId());
                if (store.read(roomId, room -> store.publisher(roomId, publisherId).filter(RoomPublisher::active).isEmpty())) {
                    continue;
                }
                Map<String, RecordingFacts> facts = RecordingFiles.describeAll(paths(publisher.files()));
                store.change(roomId, room -> {
                    catalogueEnded(room, publisher.files(), storage, facts);
                    store.publisher(roomId, publisherId).ifPresent(RoomPublisher::ended);
                    store.append(room, RoomEvent.Kind.PUBLISHER_FAILED, "media error: " + publisher.reason());
                    return null;
                });
                LOG.warnf("Publisher %s of room %s ended after a media error; the room goes on", publisherId, roomId);
            }
            signal(roomId);
            return null;
        });
    }

    /**
     * A worker died: only its room ends, as a media failure; what it recorded stays listed,
     * interrupted. Observed asynchronously, on CDI's executor: the supervisor's heartbeat thread has
     * already gone back to watching the other rooms. The files are described (read, hashed) before
     * the room's row is locked, and the lock is held only for the catalogue's update.
     */
    @ActivateRequestContext
    void workerLost(@jakarta.enterprise.event.ObservesAsync WorkerLost lost) {
        if (lost.roomId() == null) {
            return;
        }
        UUID roomId = UUID.fromString(lost.roomId());
        locked(roomId, () -> {
            if (!lost.workerId().equals(store.read(roomId, LiveRoom::workerId))) {
                return null; // the room went live on another worker since, or never reached this one
            }
            workers.remove(roomId);
            endAsMediaFailure(roomId, lost.workerId(), lost.reason());
            return null;
        });
    }

    private void endAsMediaFailure(UUID roomId, String workerId, String reason) {
        endAsMediaFailureIf(roomId, room -> workerId == null || workerId.equals(room.workerId()), reason);
    }

    /** Ends a room whose media is gone, if {@code stillThere} (it may have gone live elsewhere meanwhile). */
    private void endAsMediaFailureIf(UUID roomId, java.util.function.Predicate<LiveRoom> stillThere, String reason) {
        Map<String, RecordingFacts> facts = RecordingFiles.describeAll(store.pathsInProgress(roomId));
        store.change(roomId, room -> {
            if (room.status() == LiveRoom.Status.ENDED || !stillThere.test(room)) {
                return null;
            }
            store.interruptAll(roomId, RecordingFiles.described(facts));
            store.endPublishers(roomId, publisher -> { });
            room.ended(LiveRoom.EndReason.MEDIA_FAILURE);
            store.append(room, RoomEvent.Kind.MEDIA_FAILURE, reason);
            return null;
        });
        signal(roomId);
    }

    /**
     * A room of a node whose lease ran out (see {@link NodeLeases}), live or going live there: its worker
     * is gone with that node. Ended only if it is still on that node and worker (another node may have
     * taken it over meanwhile).
     */
    void endOrphaned(UUID roomId, String workerId, String node) {
        locked(roomId, () -> {
            endAsMediaFailureIf(roomId, room -> node.equals(room.workerNode())
                    && (workerId == null || workerId.equals(room.workerId())), "its app node " + node + " stopped renewing its lease");
            return null;
        });
    }

    /** Rooms this node served before it restarted lost their workers with it. */
    @ActivateRequestContext
    void recoverAfterRestart(@Observes StartupEvent started) {
        if (!pool.enabled()) {
            return;
        }
        List<UUID> orphaned = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> store.servedBy(nodeId).stream().map(LiveRoom::id).toList());
        orphaned.forEach(roomId -> endAsMediaFailure(roomId, null, "the app node restarted while the room was live"));
    }

    private WorkerProcess ensureLive(UUID roomId) {
        WorkerProcess current = workers.get(roomId);
        if (current != null && store.read(roomId, LiveRoom::status) == LiveRoom.Status.LIVE) {
            return current;
        }
        boolean wait = !pool.hasIdleWorker();
        store.change(roomId, room -> {
            room.starting(nodeId);
            if (wait) {
                store.append(room, RoomEvent.Kind.WAITING_FOR_WORKER, "no idle media worker; starting one");
            }
            return null;
        });
        signal(roomId);
        WorkerProcess worker;
        String tenantId = store.read(roomId, LiveRoom::tenantId);
        try {
            worker = pool.acquire(roomId.toString(), tenantId);
        } catch (WorkerCapacityException e) {
            endWithoutWorker(roomId, e.getMessage());
            throw new MediaException(e.status(), e.problemType(), e.getMessage());
        } catch (NoWorkerException e) {
            endWithoutWorker(roomId, e.getMessage());
            throw new MediaException(503, "no-media-worker", e.getMessage());
        }
        DeclaredPlace storage = storageFor(roomId);
        guard.authorize(new PersonalDataTransfer("recording", "recording into home-region storage", tenantId,
                storage.name(), storage.region().code(), null));
        // The home folder store itself, or for an object store this site's spool until the file is finished and uploaded.
        Path directory = stores.writeFolder(storage).resolve(tenantId).resolve(roomId.toString());
        boolean record = store.read(roomId, LiveRoom::recording);
        try {
            worker.identity().grant(directory);
            control.post(worker, "/room", new WorkerProtocol.Assign(roomId.toString(), directory.toString(),
                    config.iceAddresses().orElse(List.of()), record), Void.class);
        } catch (ControlException | java.io.UncheckedIOException e) {
            worker.kill();
            endWithoutWorker(roomId, "the media worker refused the room: " + e.getMessage());
            throw new MediaException(503, "media-worker-unavailable", "The media worker could not take the room; try again.");
        }
        workers.put(roomId, worker);
        String region = places.nodeRegion().code();
        store.change(roomId, room -> {
            room.live(worker.id(), nodeId, region);
            store.append(room, RoomEvent.Kind.WENT_LIVE, "media worker " + worker.id() + " (pid " + worker.pid() + ")");
            return null;
        });
        LOG.infof("Room %s is live on media worker %s (pid %d)", roomId, worker.id(), worker.pid());
        return worker;
    }

    private void endWithoutWorker(UUID roomId, String reason) {
        store.change(roomId, room -> {
            room.ended(LiveRoom.EndReason.NO_WORKER);
            store.append(room, RoomEvent.Kind.ENDED, reason);
            return null;
        });
        signal(roomId);
    }

    private DeclaredPlace storageFor(UUID roomId) {
        String tenantId = store.read(roomId, LiveRoom::tenantId);
        String home = tenants.get(tenantId).homeRegionCode();
        return places.recordingStorageFor(home).stream().filter(place -> place.backupFor().isEmpty()).findFirst()
                .orElseThrow(() -> new MediaException(503, "no-recording-storage",
                        "No recording storage is declared in this organisation's home region " + home + "."));
    }

    private void signal(UUID roomId) {
        signals.publish(store.read(roomId, room -> new RoomSignals.RoomSignal(roomId, room.status().name(),
                room.endedReason() == null ? null : room.endedReason().name(), room.recording(),
                room.status() == LiveRoom.Status.LIVE ? store.activePublishers(roomId).size() : 0)));
    }

    private <T> T locked(UUID roomId, java.util.function.Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(roomId, id -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

}
