package eu.plenum.liveroom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.LiveClient;
import eu.plenum.testsupport.PlenumTestServers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A participant whose client stops reading: its socket's outgoing queue fills and the server closes it
 * (1008 {@code too-slow}) instead of buffering without bound, while a participant who reads keeps
 * getting every event. The stalled client is a raw socket with a tiny receive window, so the kernel's
 * buffers absorb only a little of the stream before the queue has to take it.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class SlowReaderTest {

    private static final String ORIGIN = "http://localhost:8081";
    private static final int EVENTS = 4_000;

    @Inject
    LiveEvents events;

    @Test
    void aReaderThatStopsReadingIsDisconnectedWhileOneThatReadsGetsEveryEvent() throws Exception {
        String webinarId = Attendees.recordedWebinar("Slow reader");
        UUID session = UUID.fromString(Attendees.firstSession(webinarId));
        try (Socket stalled = stalledSocket(session, attendeeCookie(webinarId, "Stella Stall"));
                LiveClient reader = LiveClient.open("/interact/sessions/" + session, "Cookie", attendeeCookie(webinarId, "Rita Read"),
                        "Origin", ORIGIN)) {
            reader.awaitType("welcome");
            String filler = "x".repeat(1_500);
            for (int batch = 0; batch < EVENTS / 100; batch++) {
                int first = batch * 100;
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int i = first; i < first + 100; i++) {
                        events.append(session, "acme", null, "chat.message", LiveEvents.Audience.EVERYONE,
                                Map.of("text", "message " + i + " " + filler), null);
                    }
                });
            }
            String last = "message " + (EVENTS - 1) + " " + filler;
            reader.await(frame -> last.equals(frame.path("data").path("text").asText()), "the last of " + EVENTS + " events");

            Frames read = readAll(stalled);
            System.out.printf("slow reader: %d of %d events reached the stalled socket before it was closed (%d %s)%n",
                    read.texts, EVENTS, read.closeCode, read.closeReason);
            assertEquals(1008, read.closeCode, "closed as too slow, with " + read.texts + " text frames read");
            assertEquals("too-slow", read.closeReason);
            assertTrue(read.texts < EVENTS, "the stalled reader was cut off, not buffered for: " + read.texts);
            long chats = reader.all().stream().filter(frame -> "chat.message".equals(frame.path("event").asText())).count();
            assertEquals(EVENTS, chats, "the reading participant got every event");
        }
    }

    private static String attendeeCookie(String webinarId, String name) {
        String email = name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 6) + "@slow.example";
        String token = Attendees.joinToken(webinarId, name, email);
        String value = given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").post("/join/" + token + "/enter")
                .then().statusCode(303).extract().cookie("plenum_attendee_" + webinarId);
        return "plenum_attendee_" + webinarId + "=" + value;
    }

    /** A WebSocket upgrade by hand on a socket with a 4 KiB receive buffer; after the 101 nothing is read. */
    private static Socket stalledSocket(UUID session, String cookie) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096); // before connecting: it bounds the window the server may fill
        socket.connect(new InetSocketAddress("localhost", 8081), 5_000);
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        String request = "GET /interact/sessions/" + session + " HTTP/1.1\r\nHost: localhost:8081\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
                + "\r\nOrigin: " + ORIGIN + "\r\nCookie: " + cookie + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("no upgrade: " + head);
            }
            head.write(b);
        }
        assertTrue(head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101"), head.toString(StandardCharsets.US_ASCII));
        return socket;
    }

    private record Frames(int texts, int closeCode, String closeReason) {
    }

    /** Reads the server's (unmasked) frames until its close frame or the end of the stream. */
    private static Frames readAll(Socket socket) throws IOException {
        socket.setSoTimeout(60_000);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int texts = 0;
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                long length = second & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = in.readNBytes((int) length);
                int opcode = first & 0x0f;
                if (opcode == 0x1) {
                    texts++;
                } else if (opcode == 0x8) {
                    int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
                    String reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                    return new Frames(texts, code, reason);
                }
            }
        } catch (EOFException | SocketTimeoutException e) {
            return new Frames(texts, -1, "no close frame: " + e);
        }
    }
}
