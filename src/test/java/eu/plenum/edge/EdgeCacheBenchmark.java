package eu.plenum.edge;

import eu.plenum.shared.PlaybackSignatures;
import eu.plenum.shared.SourceRateLimiter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the edge's cache hit ratio and origin requests per viewer for 1,000 simulated HLS viewers
 * of one live room (a Vert.x client per viewer that reloads the playlist every second and fetches each
 * new segment, as a player does) against a real small origin that publishes a 2 s segment every 2 s.
 * {@code ./plenum test -Pbench -Dtest=EdgeCacheBenchmark}; figures in docs/benchmarks.md.
 */
class EdgeCacheBenchmark {

    private static final int VIEWERS = Integer.getInteger("edge.viewers", 1000);
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("edge.seconds", 30));
    private static final int SEGMENT_BYTES = 50_000;

    @Test
    void thousandViewersOfOneRoom() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            AtomicLong originRequests = new AtomicLong();
            long started = System.nanoTime();
            int originPort = vertx.createHttpServer().requestHandler(request -> {
                originRequests.incrementAndGet();
                long newest = (System.nanoTime() - started) / 2_000_000_000L + 1000;
                if (request.path().endsWith(".m3u8")) {
                    StringBuilder playlist = new StringBuilder("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:" + (newest - 5) + "\n");
                    for (long k = newest - 5; k <= newest; k++) {
                        playlist.append("#EXTINF:2.0,\ng1-0000").append(k).append(".ts\n");
                    }
                    request.response().putHeader("Content-Type", "application/vnd.apple.mpegurl").end(playlist.toString());
                } else {
                    request.response().putHeader("Content-Type", "video/mp2t").end(Buffer.buffer(new byte[SEGMENT_BYTES]));
                }
            }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();

            KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            PlaybackSignatures origin = new PlaybackSignatures(keys, Clock.systemUTC(), Duration.ofMinutes(5));
            PlaybackSignatures verifyOnly = new PlaybackSignatures(new KeyPair(keys.getPublic(), null), Clock.systemUTC(), Duration.ofMinutes(5));
            EdgeCache cache = new EdgeCache(256L << 20, System::nanoTime);
            EdgeRelay relay = new EdgeRelay(vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(32)), "http://127.0.0.1:" + originPort,
                    "bench-edge", verifyOnly, cache, Duration.ofSeconds(1), Duration.ofSeconds(60), 16L << 20,
                    new SourceRateLimiter(Integer.MAX_VALUE, Duration.ofMinutes(1)));
            Router router = Router.router(vertx);
            router.routeWithRegex("/live/.*").handler(relay::serve);
            vertx.setPeriodic(1_000, tick -> cache.sweep());
            int edgePort = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();

            UUID room = UUID.randomUUID();
            String query = "?" + origin.sign(PlaybackSignatures.OPEN_LIVE, room);
            String base = "/live/" + room + "/";
            HttpClient viewers = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(edgePort)
                    .setMaxPoolSize(200).setKeepAlive(true));
            AtomicLong viewerRequests = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            long end = System.nanoTime() + RUN.toNanos();
            for (int v = 0; v < VIEWERS; v++) {
                Set<String> seen = new HashSet<>();
                vertx.setTimer(1 + (v * 2000L / VIEWERS), first -> poll(vertx, viewers, base, query, seen, viewerRequests, failures, end));
            }
            Thread.sleep(RUN.toMillis() + 3_000);
            EdgeCache.Stats stats = cache.stats();
            double ratio = 1.0 - (double) originRequests.get() / viewerRequests.get();
            System.out.printf("EDGE BENCH viewers=%d seconds=%d viewerRequests=%d originRequests=%d hitRatio=%.4f originRequestsPerViewer=%.4f"
                    + " coalesced=%d hits=%d failures=%d cacheBytes=%d%n", VIEWERS, RUN.toSeconds(), viewerRequests.get(), originRequests.get(),
                    ratio, (double) originRequests.get() / VIEWERS, stats.coalesced(), stats.hits(), failures.get(), stats.bytes());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** One player: the playlist, then every segment it has not fetched yet, then again a second later. */
    private static void poll(Vertx vertx, HttpClient client, String base, String query, Set<String> seen, AtomicLong requests,
            AtomicLong failures, long end) {
        if (System.nanoTime() > end) {
            return;
        }
        get(client, base + "index.m3u8" + query, requests, failures).compose(playlist -> {
            Future<Buffer> chain = Future.succeededFuture();
            for (String line : playlist.toString().split("\n")) {
                if (!line.startsWith("#") && !line.isBlank() && seen.add(line)) {
                    chain = chain.compose(done -> get(client, base + line + query, requests, failures));
                }
            }
            return chain;
        }).onComplete(done -> vertx.setTimer(1_000, next -> poll(vertx, client, base, query, seen, requests, failures, end)));
    }

    private static Future<Buffer> get(HttpClient client, String uri, AtomicLong requests, AtomicLong failures) {
        requests.incrementAndGet();
        return client.request(HttpMethod.GET, uri).compose(request -> request.send()).compose(response -> response.body())
                .onFailure(failed -> failures.incrementAndGet());
    }
}
