package eu.plenum.media.rooms;

import eu.plenum.media.MediaException;
import eu.plenum.media.RecordingReady;
import eu.plenum.media.SessionEnded;
import eu.plenum.media.SessionWentLive;
import eu.plenum.media.worker.WorkerProtocol;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Database side of live rooms. Every method is its own short transaction, so that no transaction
 * is open while the app waits for a media worker.
 */
@ApplicationScoped
public class RoomStore {

    // Looked up per use: an edge node has no persistence unit, and must still be able to start.
    private final jakarta.enterprise.inject.Instance<EntityManager> entityManager;
    // Fired inside the changing transaction, so that other contexts' outbox rows (webhooks) commit with the room.
    private final Event<SessionWentLive> wentLive;
    private final Event<SessionEnded> ended;
    private final Event<RecordingReady> recordingReady;

    RoomStore(jakarta.enterprise.inject.Instance<EntityManager> entityManager, Event<SessionWentLive> wentLive,
            Event<SessionEnded> ended, Event<RecordingReady> recordingReady) {
        this.entityManager = entityManager;
        this.wentLive = wentLive;
        this.ended = ended;
        this.recordingReady = recordingReady;
    }

    private EntityManager em() {
        return entityManager.get();
    }

    public <T> T read(UUID roomId, Function<LiveRoom, T> reader) {
        return QuarkusTransaction.requiringNew().call(() -> reader.apply(require(roomId)));
    }

    /** Changes a room and appends the events the change produced. */
    public <T> T change(UUID roomId, Function<LiveRoom, T> change) {
        return QuarkusTransaction.requiringNew().call(() -> change.apply(em().find(LiveRoom.class, roomId,
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)));
    }

    public void append(LiveRoom room, RoomEvent.Kind kind, String detail) {
        em().persist(new RoomEvent(room, kind, detail));
        if (kind == RoomEvent.Kind.WENT_LIVE) {
            wentLive.fire(new SessionWentLive(room.tenantId(), room.webinarId(), room.sessionId(), room.id(), room.wentLiveAt()));
        } else if ((kind == RoomEvent.Kind.ENDED || kind == RoomEvent.Kind.MEDIA_FAILURE)
                && room.endedReason() != LiveRoom.EndReason.NO_WORKER) { // a room that found no worker never went live
            ended.fire(new SessionEnded(room.tenantId(), room.webinarId(), room.sessionId(), room.id(),
                    room.endedReason() == null ? null : room.endedReason().name(), room.endedAt()));
        }
    }

    /** Tells other contexts that a recording is finished and catalogued (empty files are not recordings). */
    private void announceFinished(Recording recording) {
        if (recording.status() == Recording.Status.COMPLETE || recording.status() == Recording.Status.INTERRUPTED) {
            LiveRoom room = em().find(LiveRoom.class, recording.roomId());
            recordingReady.fire(new RecordingReady(recording.tenantId(), room.webinarId(), recording.sessionId(), recording.roomId(),
                    recording.id(), recording.status().name(), recording.durationMs(), recording.sizeBytes(), recording.endedAt()));
        }
    }

    public Optional<LiveRoom> ofSession(String tenantId, UUID sessionId) {
        return em().createQuery("from LiveRoom where tenantId = ?1 and sessionId = ?2", LiveRoom.class)
                .setParameter(1, tenantId).setParameter(2, sessionId).getResultStream().findFirst();
    }

    /** The room of a session, whoever's tenant (for the audience side, which found the session through its registration). */
    public Optional<LiveRoom> ofSession(UUID sessionId) {
        return em().createQuery("from LiveRoom where sessionId = ?1", LiveRoom.class)
                .setParameter(1, sessionId).getResultStream().findFirst();
    }

    /** The rooms of these sessions (those that have one). */
    public List<LiveRoom> ofSessions(java.util.Collection<UUID> sessionIds) {
        return sessionIds.isEmpty() ? List.of() : em().createQuery("from LiveRoom where sessionId in ?1", LiveRoom.class)
                .setParameter(1, sessionIds).getResultList();
    }

    public void persist(Object entity) {
        em().persist(entity);
    }

    public List<RoomPublisher> activePublishers(UUID roomId) {
        return em().createQuery("from RoomPublisher where roomId = ?1 and endedAt is null order by startedAt", RoomPublisher.class)
                .setParameter(1, roomId).getResultList();
    }

    public Optional<RoomPublisher> publisher(UUID roomId, UUID publisherId) {
        return Optional.ofNullable(em().find(RoomPublisher.class, publisherId)).filter(publisher -> publisher.roomId().equals(roomId));
    }

    public List<RoomEvent> history(UUID roomId) {
        return em().createQuery("from RoomEvent where roomId = ?1 order by at, id", RoomEvent.class)
                .setParameter(1, roomId).getResultList();
    }

    public List<Recording> recordings(UUID roomId) {
        return em().createQuery("from Recording where roomId = ?1 order by startedAt", Recording.class)
                .setParameter(1, roomId).getResultList();
    }

    /** Paths of the files still being written, read in a short transaction of its own. */
    public List<String> pathsInProgress(UUID roomId) {
        return QuarkusTransaction.requiringNew().call(() -> recordingsInProgress(roomId).stream().map(Recording::filePath).toList());
    }

    public List<Recording> recordingsInProgress(UUID roomId) {
        return em().createQuery("from Recording where roomId = ?1 and status = ?2", Recording.class)
                .setParameter(1, roomId).setParameter(2, Recording.Status.RECORDING).getResultList();
    }

    /** The recordings of a webinar session its host published to attendees, in the order they were made. */
    public List<Recording> published(UUID sessionId) {
        return em().createQuery("from Recording where sessionId = ?1 and publishedAt is not null order by startedAt", Recording.class)
                .setParameter(1, sessionId).getResultList();
    }

    /** Where a recording (already found by its reader's rules) and its verified copies are. */
    public RecordingLocation location(Recording recording) {
        return RecordingLocation.of(recording, copies(recording.id()));
    }

    public List<RecordingCopy> copies(UUID recordingId) {
        return em().createQuery("from RecordingCopy c where c.key.recordingId = ?1 order by c.backup, c.key.place", RecordingCopy.class)
                .setParameter(1, recordingId).getResultList();
    }

    public Optional<Recording> recording(String tenantId, UUID recordingId) {
        return Optional.ofNullable(em().find(Recording.class, recordingId)).filter(recording -> recording.tenantId().equals(tenantId));
    }

    /** Rooms this node was serving when it stopped: their workers went with it. */
    public List<LiveRoom> servedBy(String node) {
        return em().createQuery("from LiveRoom where workerNode = ?1 and status in (?2, ?3)", LiveRoom.class)
                .setParameter(1, node).setParameter(2, LiveRoom.Status.LIVE).setParameter(3, LiveRoom.Status.STARTING)
                .getResultList();
    }

    /** Catalogues the files a worker reports as started; a file already in the catalogue is left as it is. */
    public void recordingsStarted(LiveRoom room, List<WorkerProtocol.File> files, String place, String region) {
        for (WorkerProtocol.File file : files) {
            if (em().createQuery("select count(r) from Recording r where r.roomId = ?1 and r.filePath = ?2", Long.class)
                    .setParameter(1, room.id()).setParameter(2, file.path()).getSingleResult() > 0) {
                continue;
            }
            RoomPublisher publisher = em().find(RoomPublisher.class, UUID.fromString(file.publisherId()));
            em().persist(new Recording(room, publisher.id(), publisher.tracks(), file.container(), place, region, file.path()));
        }
    }

    /**
     * Closes catalogue entries of files that ended: complete when the muxer finalised them,
     * interrupted otherwise, empty when no media arrived before the end (the worker removed the file).
     */
    public void recordingsEnded(UUID roomId, List<WorkerProtocol.File> files, Function<Path, RecordingFacts> facts) {
        for (WorkerProtocol.File file : files) {
            recordingsInProgress(roomId).stream().filter(recording -> recording.filePath().equals(file.path())).forEach(recording -> {
                if (file.empty()) {
                    recording.finished(Recording.Status.EMPTY, new RecordingFacts(0, null, null));
                } else {
                    recording.finished(file.finalised() ? Recording.Status.COMPLETE : Recording.Status.INTERRUPTED,
                            facts.apply(Path.of(file.path())));
                    announceFinished(recording);
                }
            });
        }
    }

    /** Every file still being written is interrupted (its worker is gone). */
    public void interruptAll(UUID roomId, Function<Path, RecordingFacts> facts) {
        recordingsInProgress(roomId).forEach(recording -> {
            recording.finished(Recording.Status.INTERRUPTED, facts.apply(Path.of(recording.filePath())));
            announceFinished(recording);
        });
    }

    public void endPublishers(UUID roomId, Consumer<RoomPublisher> each) {
        activePublishers(roomId).forEach(publisher -> {
            publisher.ended();
            each.accept(publisher);
        });
    }

    private LiveRoom require(UUID roomId) {
        LiveRoom room = em().find(LiveRoom.class, roomId);
        if (room == null) {
            throw new MediaException(404, "unknown-room", "There is no live room " + roomId + ".");
        }
        return room;
    }
}
