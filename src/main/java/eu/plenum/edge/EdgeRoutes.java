package eu.plenum.edge;

import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.PlaybackSignatures;
import eu.plenum.shared.SourceRateLimiter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Mounts the edge on an edge-only node (roles exactly {@code edge}): the {@link EdgeRelay} on
 * {@code /live/*} (before the origin's own file route, which such a node does not mount) and the
 * {@link EdgeGate} on everything else; sweeps expired cache entries every second and counts hits and
 * origin requests as metrics. On any node that plays {@code app} it mounts nothing.
 */
@ApplicationScoped
class EdgeRoutes {

    private final NodeConfig node;
    private final EdgeConfig config;
    private final PlaybackSignatures signatures;
    private final MeterRegistry metrics;

    EdgeRoutes(NodeConfig node, EdgeConfig config, PlaybackSignatures signatures, MeterRegistry metrics) {
        this.node = node;
        this.config = config;
        this.signatures = signatures;
        this.metrics = metrics;
    }

    void register(@Observes Router router, Vertx vertx) {
        if (!node.edgeOnly()) {
            return;
        }
        String origin = config.originUrl().map(String::strip).filter(url -> url.startsWith("http://") || url.startsWith("https://"))
                .orElseThrow(() -> new IllegalStateException("An edge-only node needs plenum.edge.origin-url (PLENUM_EDGE_ORIGIN_URL), "
                        + "the EU origin's URL such as https://plenum.example.eu"));
        EdgeCache cache = new EdgeCache(config.maxBytes(), System::nanoTime);
        EdgeRelay relay = new EdgeRelay(vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000).setMaxPoolSize(32)
                .setKeepAlive(true)), origin, config.name(), signatures, cache, config.playlistTtl(), config.segmentTtl(),
                config.maxEntryBytes(), new SourceRateLimiter(config.perSourceRequests(), config.perSourcePeriod()));
        vertx.setPeriodic(1_000, tick -> cache.sweep());
        FunctionCounter.builder("plenum.edge.cache.hits", cache, c -> c.stats().hits()).register(metrics);
        FunctionCounter.builder("plenum.edge.cache.origin.requests", cache, c -> c.stats().originRequests()).register(metrics);
        FunctionCounter.builder("plenum.edge.cache.coalesced", cache, c -> c.stats().coalesced()).register(metrics);
        Gauge.builder("plenum.edge.cache.bytes", cache, c -> c.stats().bytes()).register(metrics);
        router.routeWithRegex("/live/.*").order(Integer.MIN_VALUE + 15).handler(relay::serve);
        router.route().order(Integer.MIN_VALUE + 16).handler(new EdgeGate(origin)::handle);
    }
}
