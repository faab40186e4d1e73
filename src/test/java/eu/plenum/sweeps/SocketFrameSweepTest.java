package eu.plenum.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import eu.plenum.liveroom.LiveCommands;
import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.WebSocket;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Malformed frames to every WebSocket endpoint of the app (found by their {@code @WebSocket} annotation in
 * the main classes): binary frames, text that is not JSON, JSON that is not a frame, unknown types, every
 * known type with fields of the wrong type, control characters and frames over the limits. Each must be
 * answered with an error frame or a close code — never an internal error, a silent drop or a dead node —
 * and a well-behaved connection to the same room must keep working throughout.
 *
 * <p>Part of {@code ./plenum test}; every finding is also written to {@code target/sweep-reports/}.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class SocketFrameSweepTest {

    private static final String ORIGIN = "http://localhost:8081";
    /** Field names the frame handlers read (liveroom), each sent with values of every wrong shape. */
    private static final List<String> FIELDS = List.of("text", "eventId", "participantId", "registrationId", "pollId", "questionId",
            "options", "question", "multiple", "anonymous", "enabled", "slowSeconds", "state", "after", "ref");

    @Inject
    Instance<LiveCommands> commands;

    @Test
    void everySocketAnswersMalformedFramesWithAnErrorOrACloseAndAWellBehavedNeighbourKeepsWorking() throws Exception {
        List<String> paths = socketPaths();
        assertTrue(paths.size() >= 2, "the sweep found the sockets: " + paths);
        String webinar = Attendees.recordedWebinar("Socket sweep " + System.nanoTime());
        String session = Attendees.firstSession(webinar);
        String pageCookie = eu.plenum.testsupport.PageSessions.signIn(SweepHttp.base(), Tokens.HOST);
        TreeSet<String> types = new TreeSet<>();
        commands.forEach(handler -> types.addAll(handler.types()));
        types.add("resume");
        assertTrue(types.size() >= 10, "the frame types: " + types);

        List<String> violations = new ArrayList<>();
        int sent = 0;
        for (String template : paths) {
            String path = template.replace("{sessionId}", session);
            String[] headers = path.startsWith("/api/")
                    ? new String[] {"Authorization", "Bearer " + Tokens.accessToken(Tokens.HOST)}
                    : new String[] {"Cookie", pageCookie, "Origin", ORIGIN};
            try (Client neighbour = Client.open(path, headers)) {
                neighbour.awaitType("welcome");
                Client hostile = null;
                try {
                    for (Frame frame : frames(types)) {
                        if (hostile == null || hostile.closed.isDone()) {
                            hostile = Client.open(path, headers);
                            hostile.awaitType("welcome");
                        }
                        sent++;
                        String outcome = hostile.answer(frame);
                        if (outcome != null) {
                            violations.add(template + " " + frame.label() + ": " + outcome);
                        }
                    }
                } finally {
                    if (hostile != null) {
                        hostile.close();
                    }
                }
                assertFalse(neighbour.closed.isDone(), "the well-behaved connection to " + template + " stays open");
                neighbour.sendText("{\"type\":\"resume\",\"after\":9223372036854775807,\"ref\":\"n1\"}");
                assertEquals("n1", neighbour.awaitType("ack").path("ref").asText(), "and it is still served");
            }
        }
        System.out.printf("socket sweep: %d sockets, %d malformed frames%n", paths.size(), sent);
        SweepReports.write("socket-frames", violations);
        assertEquals(200, SweepHttp.send(SweepHttp.PLAIN, "GET", "/q/health/live", Map.of(), null).status(), "the node is alive");
        assertTrue(violations.isEmpty(), violations.size() + " malformed frames were mishandled:\n" + String.join("\n", violations));
    }

    private static List<String> socketPaths() {
        List<String> paths = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("eu.plenum")) {
            if (type.isAnnotatedWith(WebSocket.class)) {
                paths.add((String) type.getAnnotationOfType(WebSocket.class.getName()).get("path").orElseThrow());
            }
        }
        return paths;
    }


    /** One hostile frame: text or binary. */
    private record Frame(String label, String text, byte[] binary) {
    }

    private static List<Frame> frames(TreeSet<String> types) {
        List<Frame> frames = new ArrayList<>();
        frames.add(new Frame("binary", null, new byte[] {0, 1, 2, (byte) 0xFF}));
        frames.add(new Frame("binary JSON", null, "{\"type\":\"chat.send\",\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8)));
        for (String text : List.of("", "{", "not json", "[]", "null", "42", "\"chat.send\"", "{\"type\":123}", "{\"type\":null}",
                "{\"type\":[]}", "{\"type\":\"\"}", "{\"type\":\"no.such.type\"}", "{\"type\":\"" + "x".repeat(3000) + "\"}",
                "[".repeat(1500) + "]".repeat(1500), "{\"type\":\"chat.send\",\"a\":" + "[".repeat(1500) + "]".repeat(1500) + "}",
                "{\"type\":\"chat.send\",\"text\":\"" + "x".repeat(5000) + "\"}", "{\"type\":\"chat.send\",\"text\":\"" + "é".repeat(60_000) + "\"}",
                "{\"type\":\"chat.send\",\"text\":\"" + "y".repeat(70_000) + "\"}", "{\"type\":\"chat.send\",\"text\":\"a\\u0000b\"}",
                "{\"type\":\"chat.send\",\"text\":\"\\ud800\"}", "{\"type\":\"chat.send\",\"ref\":{\"x\":1}}", "{\"type\":\"chat.send\"}{")) {
            frames.add(new Frame(abbreviated(text), text, null));
        }
        List<String> junk = List.of("null", "\"x\"", "-1", "99999999999999999999999", "[null]", "{}", "\"\\u0000\"",
                "\"" + "z".repeat(3000) + "\"");
        for (String type : types) {
            frames.add(new Frame(type + " without fields", "{\"type\":\"" + type + "\"}", null));
            for (String field : FIELDS) {
                for (String value : junk) {
                    String text = "{\"type\":\"" + type + "\",\"" + field + "\":" + value + "}";
                    frames.add(new Frame(abbreviated(text), text, null));
                }
            }
        }
        return frames;
    }

    private static String abbreviated(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + ")" : text;
    }

    /** A socket client that keeps every text frame and how it closed, and sends text, binary or nothing. */
    private static final class Client implements java.net.http.WebSocket.Listener, AutoCloseable {

        private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private java.net.http.WebSocket socket;

        static Client open(String path, String... headers) {
            Client client = new Client();
            java.net.http.WebSocket.Builder builder = HttpClient.newBuilder().localAddress(SweepHttp.SOURCE).build().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20));
            for (int i = 0; i < headers.length; i += 2) {
                builder.header(headers[i], headers[i + 1]);
            }
            client.socket = builder.buildAsync(URI.create("ws://localhost:8081" + path), client).orTimeout(60, TimeUnit.SECONDS).join();
            return client;
        }

        @Override
        public CompletionStage<?> onText(java.net.http.WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(SampleBodies.JSON.readTree(partial.toString()));
                } catch (java.io.IOException e) {
                    frames.add(SampleBodies.JSON.createObjectNode().put("type", "unparseable-server-frame").put("text", partial.toString()));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(java.net.http.WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(java.net.http.WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }

        void sendText(String text) {
            socket.sendText(text, true).orTimeout(30, TimeUnit.SECONDS).join();
        }

        JsonNode awaitType(String type) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                JsonNode frame = frames.poll(200, TimeUnit.MILLISECONDS);
                if (frame != null && type.equals(frame.path("type").asText())) {
                    return frame;
                }
            }
            throw new AssertionError("no " + type + " frame within a minute");
        }

        /** Sends the frame; null when it was answered with an error frame (not "internal") or a close code, else what went wrong. */
        String answer(Frame frame) throws InterruptedException {
            frames.clear();
            try {
                if (frame.binary() != null) {
                    socket.sendBinary(ByteBuffer.wrap(frame.binary()), true).orTimeout(30, TimeUnit.SECONDS).join();
                } else {
                    socket.sendText(frame.text(), true).orTimeout(30, TimeUnit.SECONDS).join();
                }
            } catch (RuntimeException sendFailed) {
                // The server closed while the frame went out: judged by the close code below.
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline) {
                JsonNode reply = frames.poll(100, TimeUnit.MILLISECONDS);
                if (reply != null) {
                    String type = reply.path("type").asText();
                    if ("error".equals(type)) {
                        return "internal".equals(reply.path("code").asText()) ? "an internal error: " + reply : null;
                    }
                    if ("ack".equals(type)) {
                        return null; // a junk field the command ignores: accepted and handled
                    }
                    if ("unparseable-server-frame".equals(type)) {
                        return "the server sent a frame that is not JSON: " + reply;
                    }
                    continue; // events, presence: not the answer
                }
                if (closed.isDone()) {
                    int code = closed.join();
                    return code == -1 || code == 1006 || code == 1011 ? "connection dropped or failed (" + code + ")" : null;
                }
            }
            return "no answer within 15 s";
        }

        @Override
        public void close() {
            if (!socket.isOutputClosed()) {
                socket.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
            }
            socket.abort();
        }
    }
}
