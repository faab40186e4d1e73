package eu.plenum.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.shared.PlaybackSignatures;
import eu.plenum.shared.SourceRateLimiter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The edge's cache rules against a real small HTTP origin (a Vert.x server that counts what it is asked):
 * one origin request for many viewers of one segment, playlists and segments kept no longer than their
 * time to live, memory within its byte bound, registration-only rooms and forged URLs refused without
 * asking the origin, and nothing of the viewer (cookie, address) passed on. The edge's clock is a
 * hand-moved one, so no assertion depends on timing.
 */
class EdgeRelayTest {

    private static final Duration PLAYLIST_TTL = Duration.ofSeconds(1);
    private static final Duration SEGMENT_TTL = Duration.ofSeconds(60);
    private static final int SEGMENT_BYTES = 100_000;

    private Vertx vertx = Vertx.vertx();
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private final List<Map<String, String>> originHeaders = new CopyOnWriteArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final UUID room = UUID.randomUUID();
    private KeyPair keys;
    private PlaybackSignatures origin;
    private EdgeRelay relay;
    private int edgePort;
    private volatile int originStatus = 200;

    @BeforeEach
    void start() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        origin = new PlaybackSignatures(keys, Clock.systemUTC(), Duration.ofMinutes(1));
        start(SEGMENT_BYTES * 10L);
    }

    private void start(long maxBytes) throws Exception {
        HttpServer originServer = vertx.createHttpServer().requestHandler(request -> {
            asked.computeIfAbsent(request.path(), path -> new AtomicInteger()).incrementAndGet();
            Map<String, String> headers = new java.util.HashMap<>();
            request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(java.util.Locale.ROOT), header.getValue()));
            originHeaders.add(headers);
            if (originStatus != 200) {
                request.response().setStatusCode(originStatus).end();
            } else if (request.path().endsWith(".m3u8")) {
                request.response().putHeader("Content-Type", "application/vnd.apple.mpegurl")
                        .end("#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:" + asked.get(request.path()).get() + "\ng1-00001.ts?x\n");
            } else {
                // Slow enough that concurrent viewers all arrive while the first request is under way.
                vertx.setTimer(500, tick -> request.response().putHeader("Content-Type", "video/mp2t")
                        .end(io.vertx.core.buffer.Buffer.buffer(new byte[SEGMENT_BYTES])));
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        EdgeCache cache = new EdgeCache(maxBytes, nanos::get);
        PlaybackSignatures verifyOnly = new PlaybackSignatures(new KeyPair(keys.getPublic(), null), Clock.systemUTC(), Duration.ofMinutes(1));
        relay = new EdgeRelay(vertx.createHttpClient(new HttpClientOptions()), "http://127.0.0.1:" + originServer.actualPort(), "test-edge",
                verifyOnly, cache, PLAYLIST_TTL, SEGMENT_TTL, SEGMENT_BYTES * 2L, new SourceRateLimiter(100_000, Duration.ofMinutes(1)));
        Router router = Router.router(vertx);
        router.routeWithRegex("/live/.*").handler(relay::serve);
        router.route().handler(new EdgeGate("http://origin.example.eu")::handle);
        edgePort = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private String url(String file, String scope) {
        return "http://127.0.0.1:" + edgePort + "/live/" + room + "/" + file + "?" + origin.sign(scope, room);
    }

    private HttpResponse<byte[]> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private int asked(String file) {
        AtomicInteger count = asked.get("/live/" + room + "/" + file);
        return count == null ? 0 : count.get();
    }

    @Test
    void manyViewersOfOneSegmentCauseOneOriginRequest() throws Exception {
        String segment = url("g1-00001.ts", PlaybackSignatures.OPEN_LIVE);
        ExecutorService viewers = Executors.newFixedThreadPool(20);
        try {
            List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(viewers.submit(() -> get(segment)));
            }
            for (Future<HttpResponse<byte[]>> answer : answers) {
                HttpResponse<byte[]> response = answer.get(60, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode());
                assertEquals(SEGMENT_BYTES, response.body().length);
            }
        } finally {
            viewers.shutdownNow();
        }
        assertEquals(1, asked("g1-00001.ts"), "fifty viewers, one origin request");
        EdgeCache.Stats stats = relay.cache().stats();
        assertEquals(1, stats.originRequests());
        assertEquals(49, stats.hits() + stats.coalesced(), String.valueOf(stats));
    }

    @Test
    void aPlaylistIsKeptForItsTimeToLiveOnly() throws Exception {
        String playlist = url("index.m3u8", PlaybackSignatures.OPEN_LIVE);
        String first = new String(get(playlist).body());
        assertEquals(first, new String(get(playlist).body()), "the second viewer within a second gets the same playlist");
        assertEquals(1, asked("index.m3u8"));
        nanos.addAndGet(PLAYLIST_TTL.toNanos());
        String later = new String(get(playlist).body());
        assertEquals(2, asked("index.m3u8"), "after its time to live the origin is asked again");
        assertFalse(first.equals(later), "and the newer playlist is served");
    }

    @Test
    void aSegmentIsKeptForTheLiveWindowAndThenForgottenEvenUnasked() throws Exception {
        String segment = url("g1-00002.ts", PlaybackSignatures.OPEN_LIVE);
        assertEquals(200, get(segment).statusCode());
        nanos.addAndGet(SEGMENT_TTL.toNanos() - 1);
        assertEquals(200, get(segment).statusCode());
        assertEquals(1, asked("g1-00002.ts"), "within the live window the segment comes from memory");
        nanos.addAndGet(1);
        relay.cache().sweep();
        assertEquals(0, relay.cache().stats().entries(), "past the window nothing is held");
        assertEquals(0, relay.cache().stats().bytes());
        assertEquals(200, get(segment).statusCode());
        assertEquals(2, asked("g1-00002.ts"));
    }

    @Test
    void memoryStaysWithinItsByteBoundLeastRecentlyUsedFirst() throws Exception {
        stop();
        vertx = Vertx.vertx();
        start(SEGMENT_BYTES * 2L + SEGMENT_BYTES / 2);
        for (int k = 1; k <= 3; k++) {
            assertEquals(200, get(url("g1-0000" + k + ".ts", PlaybackSignatures.OPEN_LIVE)).statusCode());
        }
        EdgeCache.Stats stats = relay.cache().stats();
        assertEquals(2, stats.entries(), String.valueOf(stats));
        assertTrue(stats.bytes() <= SEGMENT_BYTES * 2L + SEGMENT_BYTES / 2, String.valueOf(stats));
        get(url("g1-00003.ts", PlaybackSignatures.OPEN_LIVE));
        assertEquals(1, asked("g1-00003.ts"), "the newest is still held");
        get(url("g1-00001.ts", PlaybackSignatures.OPEN_LIVE));
        assertEquals(2, asked("g1-00001.ts"), "the least recently used was dropped");
    }

    @Test
    void aRegistrationOnlyRoomsUrlAndAForgedOneAreRefusedWithoutAskingTheOrigin() throws Exception {
        HttpResponse<byte[]> closed = get(url("index.m3u8", PlaybackSignatures.LIVE));
        assertEquals(403, closed.statusCode());
        assertTrue(new String(closed.body()).contains("not-open-webinar"), new String(closed.body()));
        PlaybackSignatures forger = new PlaybackSignatures(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), Clock.systemUTC(),
                Duration.ofMinutes(1));
        HttpResponse<byte[]> forged = get("http://127.0.0.1:" + edgePort + "/live/" + room + "/index.m3u8?"
                + forger.sign(PlaybackSignatures.OPEN_LIVE, room));
        assertEquals(403, forged.statusCode());
        assertEquals(403, get("http://127.0.0.1:" + edgePort + "/live/" + room + "/index.m3u8").statusCode());
        assertEquals(404, get("http://127.0.0.1:" + edgePort + "/live/" + room + "/..%2F..%2Fetc%2Fpasswd?"
                + origin.sign(PlaybackSignatures.OPEN_LIVE, room)).statusCode());
        assertTrue(asked.isEmpty(), "the origin was asked: " + asked);
    }

    @Test
    void theOriginLearnsNothingOfTheViewerButThatAnEdgeAsks() throws Exception {
        get(url("index.m3u8", PlaybackSignatures.OPEN_LIVE), "Cookie", "plenum_attendee_x=secret", "X-Forwarded-For", "198.51.100.7",
                "User-Agent", "viewer-agent/1.0");
        assertEquals(1, originHeaders.size());
        Map<String, String> headers = originHeaders.get(0);
        assertEquals("test-edge", headers.get("plenum-edge"));
        assertNull(headers.get("cookie"));
        assertNull(headers.get("x-forwarded-for"));
        assertFalse(headers.toString().contains("viewer-agent"), headers.toString());
    }

    @Test
    void anOriginRefusalIsPassedOnAndNotKept() throws Exception {
        originStatus = 403;
        String playlist = url("index.m3u8", PlaybackSignatures.OPEN_LIVE);
        assertEquals(403, get(playlist).statusCode());
        assertEquals(403, get(playlist).statusCode());
        assertEquals(2, asked("index.m3u8"), "a refusal is not cached");
    }

    @Test
    void everyOtherPathIsRedirectedOrRefusedWithoutACookieOrABodyRead() throws Exception {
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = noRedirects.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edgePort + "/join/tok123?x=1"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(307, page.statusCode());
        assertEquals("http://origin.example.eu/join/tok123?x=1", page.headers().firstValue("Location").orElseThrow());
        assertTrue(page.headers().firstValue("Set-Cookie").isEmpty());
        HttpResponse<String> post = noRedirects.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edgePort
                + "/api/public/webinars/" + room + "/registrations")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"someone@example.com\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, post.statusCode());
        assertEquals("application/problem+json", post.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(post.body().contains("not-on-edge"), post.body());
        assertTrue(post.headers().firstValue("Set-Cookie").isEmpty());
        assertTrue(asked.isEmpty(), "the origin was asked: " + asked);
    }
}
