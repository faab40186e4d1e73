package eu.plenum.liveroom.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.plenum.liveroom.LiveCommands;
import eu.plenum.liveroom.LiveConfig;
import eu.plenum.liveroom.LiveRefusal;
import eu.plenum.liveroom.Participant;
import eu.plenum.media.RoomStates;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The live rooms with sockets on this node: welcome and resume, routing of frames to the
 * {@link LiveCommands} beans (on worker threads; moderators on executors of their own, so that their
 * frames never wait behind attendee chatter), and the fan-out of each room's log to its sockets, read
 * from the table in id order whenever a notification says the room has new events.
 */
@ApplicationScoped
class LiveRoomHub {

    private static final Logger LOG = Logger.getLogger(LiveRoomHub.class);

    /** Close code of a ban (application range 4000–4999: the page shows why and does not reconnect). */
    static final int BANNED = 4403;

    private final LiveConfig config;
    private final RoomEventReader reader;
    private final Welcomes welcomes;
    private final Presence presence;
    private final RoomStates roomStates;
    private final ObjectMapper json;
    private final Instance<LiveCommands> handlerBeans;
    private Map<String, LiveCommands> handlers = Map.of();
    private final Map<UUID, Room> rooms = new ConcurrentHashMap<>();
    private final Map<String, LiveConnection> connections = new ConcurrentHashMap<>();
    private final ExecutorService attendeeCommands = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(20_000), daemon("live-commands"));
    private final ExecutorService moderatorCommands = Executors.newFixedThreadPool(2, daemon("live-moderation"));
    private final ExecutorService fanOut = Executors.newFixedThreadPool(2, daemon("live-fan-out"));
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(daemon("live-ticks"));

    LiveRoomHub(LiveConfig config, RoomEventReader reader, Welcomes welcomes, Presence presence, RoomStates roomStates,
            ObjectMapper json, Instance<LiveCommands> handlerBeans) {
        this.config = config;
        this.reader = reader;
        this.welcomes = welcomes;
        this.presence = presence;
        this.roomStates = roomStates;
        this.json = json;
        this.handlerBeans = handlerBeans;
    }

    /** A room with sockets here: its sockets and the last event id read for them. */
    private static final class Room {
        final UUID sessionId;
        final Set<LiveConnection> sockets = ConcurrentHashMap.newKeySet();
        final AtomicBoolean pumping = new AtomicBoolean();
        final AtomicBoolean dirty = new AtomicBoolean();
        volatile long fetched;
        volatile Cancellable stageChanges;

        Room(UUID sessionId, long fetched) {
            this.sessionId = sessionId;
            this.fetched = fetched;
        }
    }

    void start(@Observes StartupEvent started) {
        Map<String, LiveCommands> byType = new HashMap<>();
        for (LiveCommands handler : handlerBeans) {
            for (String type : handler.types()) {
                if (byType.putIfAbsent(type, handler) != null) {
                    throw new IllegalStateException("Two live command handlers claim the frame type " + type);
                }
            }
        }
        handlers = Map.copyOf(byType);
        ticks.scheduleWithFixedDelay(this::catchUpAll, config.catchUpEvery().toMillis(), config.catchUpEvery().toMillis(),
                TimeUnit.MILLISECONDS);
        ticks.scheduleWithFixedDelay(this::presenceTick, config.presenceEvery().toMillis(), config.presenceEvery().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        ticks.shutdownNow();
        fanOut.shutdownNow();
    }

    /** A socket opened (worker thread): register it, send the welcome, replay after {@code after}, then live events. */
    void open(WebSocketConnection socket, Participant who, Long after) {
        boolean moderator = who.moderates();
        TokenBucket bucket = new TokenBucket(config.framesPerSecond() * (moderator ? config.moderatorFactor() : 1),
                config.frameBurst() * (moderator ? config.moderatorFactor() : 1));
        LiveConnection connection = new LiveConnection(socket, who, bucket, config.outgoingQueueFrames());
        Room room = rooms.compute(who.sessionId(), (id, known) -> {
            Room joined = known == null ? new Room(id, reader.lastId(id)) : known;
            joined.sockets.add(connection);
            return joined;
        });
        connections.put(socket.id(), connection);
        synchronized (room) {
            if (room.stageChanges == null) {
                watchStage(room);
            }
        }
        presence.joined(connection);
        Welcomes.Welcome welcome = welcomes.of(who);
        connection.replayFrom(after == null ? welcome.lastId() : Math.min(Math.max(after, 0), welcome.lastId()));
        connection.send(welcome.frame());
        replay(connection, welcome.lastId());
    }

    private void replay(LiveConnection connection, long upTo) {
        long from = connection.lastSent();
        while (from < upTo) {
            List<RoomEvent> page = reader.after(connection.who.sessionId(), from, upTo);
            page.forEach(connection::replay);
            if (page.size() < RoomEventReader.PAGE) {
                break;
            }
            from = page.get(page.size() - 1).id();
        }
        connection.replayed(upTo);
    }

    /** A text frame (event loop): size and rate are checked here, the command runs on a worker thread. */
    void receive(WebSocketConnection socket, String text) {
        LiveConnection connection = connections.get(socket.id());
        if (connection == null) {
            return;
        }
        if (text.length() > config.maxFrameBytes() / 3 && text.getBytes(StandardCharsets.UTF_8).length > config.maxFrameBytes()) {
            connection.closeAfter(Frames.error(json, "frame-too-large", "Frames are limited to " + config.maxFrameBytes() + " bytes.", null),
                    1009, "frame-too-large");
            return;
        }
        if (!withinRate(connection)) {
            return;
        }
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (java.io.IOException e) {
            frame = null;
        }
        if (frame == null || !frame.isObject() || !frame.path("type").isTextual()) {
            connection.send(Frames.error(json, "bad-frame", "A frame is a JSON object with a type.", null));
            return;
        }
        JsonNode command = frame;
        String ref = Frames.ref(frame);
        try {
            connection.command(() -> handle(connection, command, ref), connection.who.moderates() ? moderatorCommands : attendeeCommands);
        } catch (RejectedExecutionException e) {
            connection.send(Frames.error(json, "busy", "The room is busy; try again.", ref));
        }
    }

    /** A binary frame (event loop): the protocol is JSON text, so it is refused, and counted like any frame. */
    void receiveBinary(WebSocketConnection socket) {
        LiveConnection connection = connections.get(socket.id());
        if (connection != null && withinRate(connection)) {
            connection.send(Frames.error(json, "bad-frame", "Frames are JSON text; binary frames are not part of the protocol.", null));
        }
    }

    /** Takes a token from the socket's bucket; without one the sender is told, and closed after too many refusals in a row. */
    private boolean withinRate(LiveConnection connection) {
        if (!connection.bucket.tryTake()) {
            if (connection.refusalsInARow.incrementAndGet() >= config.refusalsBeforeClose()) {
                connection.closeAfter(Frames.error(json, "rate-limited", "Too many frames: disconnected.", null), 1008, "rate-limited");
            } else {
                connection.send(Frames.error(json, "rate-limited", "Too many frames; slow down.", null));
            }
            return false;
        }
        connection.refusalsInARow.set(0);
        return true;
    }

    private void handle(LiveConnection connection, JsonNode frame, String ref) {
        String type = frame.get("type").asText();
        if (connection.isClosed()) {
            return;
        }
        if ("resume".equals(type)) {
            long after = frame.path("after").asLong(0);
            Welcomes.Welcome welcome = welcomes.of(connection.who);
            connection.replayFrom(Math.min(after, welcome.lastId()));
            replay(connection, welcome.lastId());
            connection.send(Frames.ack(json, ref));
            return;
        }
        LiveCommands handler = handlers.get(type);
        if (handler == null) {
            connection.send(Frames.error(json, "unknown-type", "No such frame type: " + type.substring(0, Math.min(40, type.length())), ref));
            return;
        }
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            handler.handle(connection.who, type, frame);
            connection.send(Frames.ack(json, ref));
        } catch (LiveRefusal refusal) {
            connection.send(Frames.error(json, refusal.code(), refusal.getMessage(), ref));
        } catch (RuntimeException e) {
            LOG.warnf("A live %s frame of session %s failed: %s", type, connection.who.sessionId(), e.toString());
            connection.send(Frames.error(json, "internal", "The frame could not be handled.", ref));
        } finally {
            request.terminate();
        }
    }

    /** A socket closed (worker thread). */
    void closed(WebSocketConnection socket) {
        LiveConnection connection = connections.remove(socket.id());
        if (connection == null) {
            return;
        }
        presence.left(connection);
        rooms.computeIfPresent(connection.who.sessionId(), (id, room) -> {
            room.sockets.remove(connection);
            if (room.sockets.isEmpty()) {
                Cancellable changes = room.stageChanges;
                if (changes != null) {
                    changes.cancel();
                }
                return null;
            }
            return room;
        });
    }

    /** The room has events after those read (a notification, or the periodic catch-up). */
    void pending(UUID sessionId) {
        Room room = rooms.get(sessionId);
        if (room != null) {
            room.dirty.set(true);
            if (room.pumping.compareAndSet(false, true)) {
                try {
                    fanOut.execute(() -> pump(room));
                } catch (RejectedExecutionException e) {
                    room.pumping.set(false);
                }
            }
        }
    }

    /** Every room with sockets here reads its table again (after the listener lost its connection). */
    void catchUpAll() {
        rooms.keySet().forEach(this::pending);
    }

    private void pump(Room room) {
        try {
            while (room.dirty.getAndSet(false)) {
                List<RoomEvent> page;
                do {
                    page = reader.after(room.sessionId, room.fetched, Long.MAX_VALUE);
                    for (RoomEvent event : page) {
                        room.fetched = event.id();
                        for (LiveConnection connection : room.sockets) {
                            connection.deliver(event);
                        }
                        if ("moderation.banned".equals(event.type())) {
                            disconnectBanned(room, event);
                        }
                    }
                } while (page.size() == RoomEventReader.PAGE);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Live events of session %s were not fanned out (retried on the next catch-up): %s", room.sessionId, e.toString());
        } finally {
            room.pumping.set(false);
            if (room.dirty.get()) {
                pending(room.sessionId);
            }
        }
    }

    private void disconnectBanned(Room room, RoomEvent event) {
        try {
            JsonNode data = json.readTree(event.moderatorFrame()).path("data");
            UUID participant = UUID.fromString(data.path("participantId").asText());
            Optional<UUID> registration = Optional.ofNullable(data.path("registrationId").textValue()).map(UUID::fromString);
            for (LiveConnection connection : room.sockets) {
                if (participant.equals(connection.who.participantId())
                        || registration.isPresent() && registration.get().equals(connection.who.registrationId())) {
                    connection.closeAfter(Frames.error(json, "banned", "A moderator removed you from this room.", null), BANNED, "banned");
                }
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            LOG.warnf("A ban in session %s could not be applied to its sockets: %s", room.sessionId, e.toString());
        }
    }

    private void watchStage(Room room) {
        room.stageChanges = roomStates.changes(room.sessionId).subscribe().with(stage -> {
            String frame = Frames.stage(json, stage.stage().name(), stage.recording());
            room.sockets.forEach(connection -> connection.send(frame));
        }, failure -> LOG.warnf("Stage changes of session %s stopped: %s", room.sessionId, failure.toString()));
    }

    private void presenceTick() {
        if (rooms.isEmpty()) {
            return; // nothing to refresh or tell (and an edge node, which never has rooms, has no database)
        }
        try {
            presence.refresh();
            for (Room room : rooms.values()) {
                Presence.Count count = presence.of(room.sessionId);
                String everyone = Frames.presence(json, count.count(), null);
                String moderators = Frames.presence(json, count.count(), count.list());
                room.sockets.forEach(connection -> connection.send(connection.who.moderates() ? moderators : everyone));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Presence was not sent: %s", e.toString());
        }
    }

    /** Sockets open on this node, per session (for tests and health). */
    Map<UUID, Integer> openSockets() {
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        rooms.forEach((id, room) -> counts.put(id, room.sockets.size()));
        return counts;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
