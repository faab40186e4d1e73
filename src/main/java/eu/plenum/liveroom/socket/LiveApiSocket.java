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

/** The same socket for API clients (moderation tools, tests): a host's bearer token, as everywhere under /api. */
@WebSocket(path = "/api/interact/sessions/{sessionId}")
public class LiveApiSocket {

    private final LiveRoomHub hub;

    LiveApiSocket(LiveRoomHub hub) {
        this.hub = hub;
    }

    @OnOpen
    public void open(WebSocketConnection connection) {
        SocketOpening.open(hub, connection);
    }

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
