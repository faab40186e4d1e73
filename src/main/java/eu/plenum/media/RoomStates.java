package eu.plenum.media;

import eu.plenum.media.rooms.LiveRoom;
import eu.plenum.media.rooms.RoomSignals;
import eu.plenum.media.rooms.RoomStore;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * The room of a webinar session as its audience sees it: waiting, backstage (the host is live in
 * practice mode, attendees stay in the lobby), live, or ended; and whether it is being recorded.
 * Changes come from the rooms' own signals, each read once from the database and fanned out to every
 * attendee of the session on this node.
 */
@ApplicationScoped
public class RoomStates {

    private static final Logger LOG = Logger.getLogger(RoomStates.class);

    /** What the attendee page shows. BACKSTAGE: the host is live but has not opened the doors. */
    public enum Stage { WAITING, BACKSTAGE, LIVE, ENDED }

    /**
     * @param media the version of what WebRTC viewers are shown: when it grows, a playing page reconnects
     *              (its viewer worker was built for a former stage, e.g. before a screen share started)
     */
    public record AudienceRoom(UUID roomId, Stage stage, boolean recording, int media) {
    }

    private record SessionStage(UUID sessionId, AudienceRoom room) {
    }

    private final RoomStore store;
    private final RoomSignals signals;
    private final BroadcastProcessor<SessionStage> stages = BroadcastProcessor.create();
    /** Maps signals off the thread that changed the room (often a host's request holding the room's lock). */
    private final ExecutorService mapper = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "media-room-states");
        thread.setDaemon(true);
        return thread;
    });

    RoomStates(RoomStore store, RoomSignals signals) {
        this.store = store;
        this.signals = signals;
    }

    void listen(@Observes StartupEvent started) {
        signals.all().subscribe().with(signal -> mapper.execute(() -> announce(signal.roomId())));
    }

    /** The session's room now; empty while the host has not opened a studio for it. */
    public Optional<AudienceRoom> ofSession(UUID sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> store.ofSession(sessionId).map(RoomStates::of));
    }

    /** The rooms of several sessions (a webinar's), by session id; sessions without a room are missing. */
    public java.util.Map<UUID, AudienceRoom> ofSessions(java.util.Collection<UUID> sessionIds) {
        return QuarkusTransaction.requiringNew().call(() -> store.ofSessions(sessionIds).stream()
                .collect(java.util.stream.Collectors.toMap(LiveRoom::sessionId, RoomStates::of)));
    }

    /** Every later change of the session's room (hot: subscribe, then read {@link #ofSession} to start). */
    public Multi<AudienceRoom> changes(UUID sessionId) {
        return stages.filter(stage -> stage.sessionId().equals(sessionId)).map(SessionStage::room);
    }

    static AudienceRoom of(LiveRoom room) {
        Stage stage = switch (room.status()) {
            case READY, STARTING -> Stage.WAITING;
            case LIVE -> room.audienceOpen() ? Stage.LIVE : Stage.BACKSTAGE;
            case ENDED -> Stage.ENDED;
        };
        return new AudienceRoom(room.id(), stage, room.status() == LiveRoom.Status.LIVE && room.recording(), room.stageVersion());
    }

    private void announce(UUID roomId) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            SessionStage stage = store.read(roomId, room -> new SessionStage(room.sessionId(), of(room)));
            stages.onNext(stage);
        } catch (RuntimeException e) {
            LOG.warnf("The audience was not told of a change of room %s: %s", roomId, e.toString());
        } finally {
            requestContext.terminate();
        }
    }
}
