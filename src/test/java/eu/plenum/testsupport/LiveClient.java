package eu.plenum.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A live-room socket client for tests (java.net.http): every frame it receives, in order, and how it was closed. */
public final class LiveClient implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String BASE = "ws://localhost:8081";

    private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    private LiveClient() {
    }

    /** Opens a socket at {@code path} (with query) with the given headers (name, value, …); fails if the upgrade is refused. */
    public static LiveClient open(String path, String... headers) {
        return openAt(BASE + path, headers);
    }

    /** As {@link #open}, at a full {@code ws://} address (another node). */
    public static LiveClient openAt(String url, String... headers) {
        LiveClient client = new LiveClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        client.socket = builder.buildAsync(URI.create(url), client).orTimeout(60, TimeUnit.SECONDS).join();
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(JSON.readTree(partial.toString()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    public void send(String frame) {
        socket.sendText(frame, true).orTimeout(30, TimeUnit.SECONDS).join();
    }

    public void sendBinary(byte[] frame) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(frame), true).orTimeout(30, TimeUnit.SECONDS).join();
    }

    public void send(Object frame) {
        try {
            send(JSON.writeValueAsString(frame));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next frame (after those already taken) that matches, waiting up to a minute; skipped frames stay in {@link #seen}. */
    public JsonNode await(Predicate<JsonNode> wanted, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                JsonNode frame = frames.poll(500, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    seen.add(frame);
                    if (wanted.test(frame)) {
                        return frame;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No frame " + what + " within a minute; seen: " + seen);
    }

    public JsonNode awaitType(String type) {
        return await(frame -> type.equals(frame.path("type").asText()), "of type " + type);
    }

    public JsonNode awaitEvent(String event) {
        return await(frame -> "event".equals(frame.path("type").asText()) && event.equals(frame.path("event").asText()), "event " + event);
    }

    /** Frames received so far (taken or not), draining the queue. */
    public List<JsonNode> all() {
        frames.drainTo(seen);
        return List.copyOf(seen);
    }

    /** The close code, waiting up to a minute. */
    public int awaitClose() {
        return closed.orTimeout(60, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
        socket.abort();
    }
}
