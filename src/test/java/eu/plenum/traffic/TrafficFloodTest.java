package eu.plenum.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.shared.LinkConfig;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Hostile traffic against the real app: a flood of 10× the registration limit from one address is
 * refused with 429 problems while another client registers every time and the node stays ready; a
 * forwarded address counts only from the declared proxy; the limit lives in PostgreSQL where a second
 * node's backend sees it; slow clients are cut off.
 */
@QuarkusTest
@TestProfile(FloodProfile.class)
@WithTestResource(PlenumTestServers.class)
class TrafficFloodTest {

    private static final String FLOODER = "127.0.0.33";
    private static final String LEGITIMATE = "127.0.0.34";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aFloodSlowsTheFlooderNotTheOthers() throws Exception {
        URI registrations = registrations(webinar("Flooded"));
        HttpClient flooder = client(FLOODER);
        HttpClient legitimate = client(LEGITIMATE);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> flood = new ArrayList<>();
            for (int i = 0; i < 10 * FloodProfile.CAPACITY; i++) {
                int n = i;
                flood.add(threads.submit(() -> {
                    HttpResponse<String> response = send(flooder, registrations, "flood" + n + "@flood.example", null);
                    if (response.statusCode() == 429) {
                        refused.incrementAndGet();
                        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                        assertTrue(response.body().contains("urn:plenum:problem:rate-limited"), response.body());
                        assertTrue(Integer.parseInt(response.headers().firstValue("Retry-After").orElse("0")) >= 1);
                    } else if (response.statusCode() >= 500) {
                        serverErrors.incrementAndGet();
                    }
                    return null;
                }));
            }
            List<Integer> legitimateStatuses = new ArrayList<>();
            for (int i = 0; i < FloodProfile.CAPACITY - 5; i++) {
                legitimateStatuses.add(send(legitimate, registrations, "legit" + i + "@legit.example", null).statusCode());
            }
            for (Future<?> request : flood) {
                request.get(120, TimeUnit.SECONDS);
            }
            assertEquals(List.of(), legitimateStatuses.stream().filter(status -> status != 202).toList(), "every legitimate registration");
            assertEquals(0, serverErrors.get());
            // 200 requests against 20 at once plus a refill of one per 30 s.
            assertTrue(refused.get() >= 10 * FloodProfile.CAPACITY - FloodProfile.CAPACITY - 10, "refused " + refused.get());
        } finally {
            threads.shutdownNow();
        }
        HttpResponse<String> ready = client(LEGITIMATE).send(HttpRequest.newBuilder(URI.create("http://localhost:8081/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals(429, send(client(FLOODER), registrations, "late@flood.example", null).statusCode(), "still limited");

        // The bucket is a row of PostgreSQL, keyed by HMAC: another app node's backend finds it empty too.
        String key = new AddressKeys(LinkConfig.DEV_KEY).of("registration", "address", FLOODER);
        EndpointClass.Rate rate = new EndpointClass.Rate(FloodProfile.CAPACITY, Duration.ofMinutes(10));
        assertTrue(!SharedBuckets.take(SharedBuckets.proxies(dataSource), key, rate).admitted(), "a second node sees the same bucket");
        assertTrue(SharedBuckets.take(SharedBuckets.proxies(dataSource), new AddressKeys(LinkConfig.DEV_KEY)
                .of("registration", "address", "127.0.0.99"), rate).admitted());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE id LIKE '%127.0.0%') FROM traffic_bucket")) {
            rows.next();
            assertTrue(rows.getLong(1) >= 2, "shared buckets are rows");
            assertEquals(0, rows.getLong(2), "no address in clear");
        }
    }

    @Test
    void aForwardedAddressCountsOnlyFromTheDeclaredProxy() throws Exception {
        URI registrations = registrations(webinar("Proxied"));
        HttpClient proxy = client(FloodProfile.PROXY);
        for (int i = 0; i < FloodProfile.CAPACITY; i++) {
            assertEquals(202, send(proxy, registrations, "p" + i + "@proxy.example", "198.51.100.7").statusCode());
        }
        assertEquals(429, send(proxy, registrations, "over@proxy.example", "198.51.100.7").statusCode(), "the real client is limited");
        assertEquals(202, send(proxy, registrations, "other@proxy.example", "198.51.100.8").statusCode(),
                "another client behind the same edge is not");
        assertEquals(202, send(proxy, registrations, "spoof@proxy.example", "1.2.3.4, 198.51.100.8").statusCode(),
                "what the client prepends does not move it to another bucket");

        HttpClient spoofer = client("127.0.0.6");
        for (int i = 0; i < FloodProfile.CAPACITY; i++) {
            assertEquals(202, send(spoofer, registrations, "s" + i + "@spoof.example", "203.0.113." + i).statusCode());
        }
        assertEquals(429, send(spoofer, registrations, "s-over@spoof.example", "203.0.113.200").statusCode(),
                "an undeclared sender's X-Forwarded-For is ignored");
    }

    @Test
    void aSlowlorisIsCutOffByTheIdleTimeout() throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.35"), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", 8081));
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            // One header byte, then silence longer than the 3 s idle timeout: the server closes the connection.
            InputStream in = socket.getInputStream();
            int read;
            try {
                read = in.read();
            } catch (java.net.SocketException reset) {
                read = -1;
            }
            assertEquals(-1, read, "closed without an answer");
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(60));
        }
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIs408() throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.36"), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", 8081));
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/public/webinars/" + java.util.UUID.randomUUID() + "/registrations HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"name\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Keep the connection busy (no idle timeout) but never finish the body.
            String answer = null;
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(1000);
            StringBuilder received = new StringBuilder();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                try {
                    int next = in.read();
                    if (next < 0) {
                        break;
                    }
                    received.append((char) next);
                } catch (java.net.SocketTimeoutException quiet) {
                    try {
                        out.write(' ');
                        out.flush();
                    } catch (java.io.IOException closed) {
                        break;
                    }
                }
            }
            answer = received.toString();
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("application/problem+json") && answer.contains("urn:plenum:problem:request-timeout"), answer);
        }
    }

    static String webinar(String title) {
        Map<String, Object> body = Webinars.sample(title);
        body.put("registrationMode", "OPEN");
        body.put("questions", List.of());
        body.put("capacity", 500);
        return Webinars.create(Tokens.HOST, body);
    }

    static URI registrations(String webinarId) {
        return URI.create("http://localhost:8081/api/public/webinars/" + webinarId + "/registrations");
    }

    static HttpClient client(String localAddress) throws Exception {
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(localAddress)).connectTimeout(Duration.ofSeconds(30)).build();
    }

    static HttpResponse<String> send(HttpClient client, URI uri, String email, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Flo\",\"email\":\"" + email + "\",\"privacyAcknowledged\":true}"));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
