package eu.plenum.liveroom.socket;

import eu.plenum.liveroom.Participant;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One participant's socket: a bounded outgoing queue written one frame at a time (a reader that stops
 * reading fills it and is disconnected, never buffered without bound), the id of the last event sent
 * (events arrive in id order; any id at or below it is a duplicate and dropped), a buffer for live
 * events while a welcome or resume is being replayed, the frame-rate bucket, and a serial queue of its
 * commands (one sender's frames are handled in the order sent).
 */
final class LiveConnection {

    private static final Logger LOG = Logger.getLogger(LiveConnection.class);

    final UUID presenceId = UUID.randomUUID();
    final WebSocketConnection socket;
    final Participant who;
    final TokenBucket bucket;
    private final int queueLimit;
    private final ArrayDeque<String> outgoing = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;
    private long lastSent;
    private boolean replaying = true;
    private final List<RoomEvent> heldBack = new ArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean commandRunning = new AtomicBoolean();
    final AtomicInteger refusalsInARow = new AtomicInteger();

    LiveConnection(WebSocketConnection socket, Participant who, TokenBucket bucket, int queueLimit) {
        this.socket = socket;
        this.who = who;
        this.bucket = bucket;
        this.queueLimit = queueLimit;
    }

    /** Queues a frame; a full queue means the reader is too slow: the socket is closed. */
    void send(String frame) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (outgoing.size() >= queueLimit) {
                closed = true;
                outgoing.clear();
                LOG.debugf("Live socket %s of session %s: reader too slow, disconnected", socket.id(), who.sessionId());
                socket.close(new CloseReason(1008, "too-slow")).subscribe().with(ok -> { }, failure -> { });
                return;
            }
            outgoing.add(frame);
            if (writing) {
                return;
            }
            writing = true;
        }
        writeNext();
    }

    private void writeNext() {
        String frame;
        synchronized (this) {
            frame = closed ? null : outgoing.poll();
            if (frame == null) {
                writing = false;
                return;
            }
        }
        socket.sendText(frame).subscribe().with(ok -> writeNext(), failure -> {
            synchronized (this) {
                closed = true;
                outgoing.clear();
                writing = false;
            }
        });
    }

    /** A live event from the room's fan-out: held back while replaying, dropped when already sent. */
    synchronized void deliver(RoomEvent event) {
        if (replaying) {
            heldBack.add(event);
            return;
        }
        sendIfNew(event);
    }

    /** Starts a replay (welcome or resume): live events are held back until {@link #replayed}. */
    synchronized void replayFrom(long after) {
        replaying = true;
        lastSent = after;
    }

    /** A replayed event (in id order). */
    synchronized void replay(RoomEvent event) {
        sendIfNew(event);
    }

    /** The replay reached {@code upTo}: what was held back follows, without duplicates. */
    synchronized void replayed(long upTo) {
        lastSent = Math.max(lastSent, upTo);
        heldBack.sort(Comparator.comparingLong(RoomEvent::id));
        for (RoomEvent event : heldBack) {
            sendIfNew(event);
        }
        heldBack.clear();
        replaying = false;
    }

    synchronized long lastSent() {
        return lastSent;
    }

    private void sendIfNew(RoomEvent event) {
        if (event.id() <= lastSent) {
            return;
        }
        lastSent = event.id();
        String frame = event.frameFor(who);
        if (frame != null) {
            send(frame);
        }
    }

    /** Runs the socket's commands one after another on {@code executor}. */
    void command(Runnable command, Executor executor) {
        commands.add(command);
        drainCommands(executor);
    }

    private void drainCommands(Executor executor) {
        if (!commandRunning.compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> {
            try {
                Runnable next;
                while ((next = commands.poll()) != null) {
                    next.run();
                }
            } finally {
                commandRunning.set(false);
                if (!commands.isEmpty()) {
                    drainCommands(executor);
                }
            }
        });
    }

    synchronized boolean isClosed() {
        return closed || socket.isClosed();
    }

    void close(int code, String reason) {
        synchronized (this) {
            closed = true;
            outgoing.clear();
        }
        socket.close(new CloseReason(code, reason)).subscribe().with(ok -> { }, failure -> { });
    }

    /** Sends one last frame, then closes (the frame is written before the close frame). */
    void closeAfter(String frame, int code, String reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            outgoing.clear();
        }
        socket.sendText(frame).onFailure().recoverWithNull()
                .chain(() -> socket.close(new CloseReason(code, reason)))
                .subscribe().with(ok -> { }, failure -> { });
    }
}
