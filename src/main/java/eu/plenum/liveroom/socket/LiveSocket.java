package eu.plenum.liveroom.socket;

import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * The live room's socket for pages: one per attendee page (attendee-session or open-viewer cookie)
 * or studio page (the host's sign-in), for one webinar session. Protocol: docs/live-protocol.md.
 */
@WebSocket(path = "/interact/sessions/{sessionId}")
public class LiveSocket {

    private final LiveRoomHub hub;

    LiveSocket(LiveRoomHub hub) {
        this.hub = hub;
    }

    /** Blocking signature: runs on a worker thread (it reads the welcome from the database). */
    @OnOpen
    public void open(WebSocketConnection connection) {
        SocketOpening.open(hub, connection);
    }

    /** Non-blocking: size and rate are checked on the event loop, commands go to worker threads. */
    @OnTextMessage
    public Uni<Void> text(String frame, WebSocketConnection connection) {
        hub.receive(connection, frame);
        return Uni.createFrom().voidItem();
    }

    /** Binary frames are not part of the protocol: answered with an error frame, never dropped in silence. */
    @OnBinaryMessage
    public Uni<Void> binary(Buffer frame, WebSocketConnection connection) {
        hub.receiveBinary(connection);
        return Uni.createFrom().voidItem();
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        hub.closed(connection);
    }

    @OnError
    public void error(Throwable failure, WebSocketConnection connection) {
        connection.close().subscribe().with(ok -> { }, ignored -> { });
    }
}
