package eu.plenum.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real deliveries over loopback to a name no DNS server knows: the connector connects to the
 * address it checked (so the name needs no second lookup), and a name that resolved to a public
 * address when it was checked but to a private one at delivery (DNS rebinding) gets nothing.
 */
class ReceiverConnectorTest {

    private static final String NAME = "hooks.receiver.test";
    private static final InetAddress PUBLIC = address("93.184.215.14");
    private static final InetAddress LOOPBACK = address("127.0.0.1");

    private Vertx vertx;
    private HttpServer receiver;
    private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A resolver that gives out the answers in turn, like a rebinding DNS server with TTL 0. */
    private static ReceiverConnector.HostResolver answering(InetAddress... answers) {
        Deque<InetAddress> queue = new ArrayDeque<>(List.of(answers));
        return host -> {
            assertEquals(NAME, host);
            return List.of(queue.size() > 1 ? queue.poll() : queue.peek());
        };
    }

    private int startReceiver(HttpServerOptions options) throws Exception {
        receiver = vertx.createHttpServer(options.setHost("127.0.0.1")).requestHandler(request -> request.body().onSuccess(body -> {
            received.add(request.host() + " " + request.path() + " " + request.getHeader("X-Plenum-Event") + " " + body);
            request.response().setStatusCode(204).end();
        }));
        return receiver.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    }

    @Test
    void aNameThatRebindsToAPrivateAddressAfterTheCheckGetsNothing() throws Exception {
        int port = startReceiver(new HttpServerOptions());
        ReceiverConnector connector = new ReceiverConnector(vertx, answering(PUBLIC, LOOPBACK), false, false, null);
        URI url = URI.create("http://" + NAME + ":" + port + "/hook");
        connector.check(url); // registration: the name is public
        ReceiverRefusedException refused = assertThrows(ReceiverRefusedException.class, () -> connector.check(url));
        assertTrue(refused.getMessage().contains("127.0.0.1"), refused.getMessage());
        assertTrue(received.isEmpty(), "a rebound name reached loopback: " + received);
    }

    @Test
    void theRequestGoesToTheCheckedAddressWithTheNameAsHost() throws Exception {
        int port = startReceiver(new HttpServerOptions());
        // Private addresses allowed (as in tests): the check passes; a second lookup would fail (unknown name).
        ReceiverConnector connector = new ReceiverConnector(vertx, answering(LOOPBACK), true, false, null);
        ReceiverConnector.CheckedReceiver checked = connector.check(URI.create("http://" + NAME + ":" + port + "/hook?x=1"));
        ReceiverConnector.Answer answer = connector.post(checked, Map.of("X-Plenum-Event", "ping"), "application/json",
                "{\"type\":\"ping\"}".getBytes());
        assertEquals(204, answer.status(), String.valueOf(answer));
        assertEquals(List.of(NAME + ":" + port + " /hook ping {\"type\":\"ping\"}"), List.copyOf(received));
    }

    @Test
    void httpsIsRequiredAndTheCertificateIsCheckedAgainstTheName() throws Exception {
        Path keystore = Files.createTempDirectory("receiver-tls").resolve("receiver.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-dname", "CN=" + NAME, "-ext", "SAN=dns:" + NAME,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit")
                .inheritIO().start();
        assertEquals(0, keytool.waitFor());
        PfxOptions store = new PfxOptions().setPath(keystore.toString()).setPassword("changeit");
        int port = startReceiver(new HttpServerOptions().setSsl(true).setKeyCertOptions(store).setSni(true));
        ReceiverConnector connector = new ReceiverConnector(vertx, answering(LOOPBACK), true, true, store);

        assertThrows(ReceiverRefusedException.class, () -> connector.check(URI.create("http://" + NAME + ":" + port + "/hook")));
        ReceiverConnector.Answer answer = connector.post(connector.check(URI.create("https://" + NAME + ":" + port + "/hook")),
                Map.of("X-Plenum-Event", "ping"), "application/json", "{}".getBytes());
        assertEquals(204, answer.status(), String.valueOf(answer));
        assertEquals(List.of(NAME + ":" + port + " /hook ping {}"), List.copyOf(received));

        ReceiverConnector otherName = new ReceiverConnector(vertx, host -> List.of(LOOPBACK), true, true, store);
        ReceiverConnector.Answer mismatch = otherName.post(otherName.check(URI.create("https://other.receiver.test:" + port + "/hook")),
                Map.of(), "application/json", "{}".getBytes());
        assertEquals(0, mismatch.status(), "a certificate for another name was accepted");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
