package eu.plenum.traffic;

import eu.plenum.shared.LinkConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one rate-limit filter of every public endpoint: it classifies each request (registration, join,
 * WHIP, socket connect, …), takes one token from the client address's bucket and from the credential's
 * bucket of that class, and answers 429 with Retry-After before any resource runs. Buckets of shared
 * classes are checked in this node's memory first (a flooder never reaches the database) and then in
 * PostgreSQL, so the limit holds across app nodes. Also puts the body deadline (408) on every request
 * that sends one.
 */
@ApplicationScoped
public class TrafficGate {

    /** Routing-context key of the client address this gate decided on (after the trusted-proxy walk). */
    public static final String CLIENT_ADDRESS = eu.plenum.shared.RequestOrigin.CLIENT_ADDRESS;

    private final EndpointClasses classes;
    private final ClientAddresses addresses;
    private final AddressKeys keys;
    private final LocalBuckets local = new LocalBuckets();
    private final SharedBuckets shared;
    private final TrafficProblems problems;
    private final long bodyTimeoutMillis;

    TrafficGate(TrafficConfig config, LinkConfig links, SharedBuckets shared, TrafficProblems problems) {
        this.classes = EndpointClasses.of(config.classes());
        this.addresses = ClientAddresses.of(config.trustedProxies());
        this.keys = new AddressKeys(links.key().orElse(LinkConfig.DEV_KEY));
        this.shared = shared;
        this.problems = problems;
        this.bodyTimeoutMillis = config.bodyTimeout().toMillis();
    }

    void register(@Observes Router router) {
        // After correlation ids and load shedding, before authentication, body limits and every resource.
        router.route().order(Integer.MIN_VALUE + 14).handler(this::filter);
    }

    private void filter(RoutingContext context) {
        HttpServerRequest request = context.request();
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String client = addresses.resolve(peer, request.getHeader("Forwarded"), request.getHeader("X-Forwarded-For"));
        context.put(CLIENT_ADDRESS, client);
        armBodyDeadline(context);
        Optional<EndpointClasses.Match> match = classes.classify(request.method().name(), context.normalizedPath(),
                request.getHeader(HttpHeaders.AUTHORIZATION));
        if (match.isEmpty()) {
            context.next();
            return;
        }
        List<Take> takes = takes(match.get(), client);
        for (Take take : takes) {
            Verdict verdict = local.take(take.key(), take.rate());
            if (!verdict.admitted()) {
                problems.rateLimited(context, verdict.retryAfterSeconds());
                return;
            }
        }
        if (!match.get().endpoint().shared() || !shared.available()) {
            context.next();
            return;
        }
        context.vertx().executeBlocking(() -> takeShared(takes), false).onComplete(result -> {
            if (result.failed()) {
                // The database is switching over: this node's own bucket already limited the request.
                context.next();
            } else if (result.result().admitted()) {
                context.next();
            } else {
                problems.rateLimited(context, result.result().retryAfterSeconds());
            }
        });
    }

    private Verdict takeShared(List<Take> takes) {
        for (Take take : takes) {
            Verdict verdict = shared.take(take.key(), take.rate());
            if (!verdict.admitted()) {
                return verdict;
            }
        }
        return Verdict.ADMITTED;
    }

    private record Take(String key, EndpointClass.Rate rate) {
    }

    private List<Take> takes(EndpointClasses.Match match, String client) {
        EndpointClass endpoint = match.endpoint();
        List<Take> takes = new ArrayList<>(2);
        endpoint.perAddress().ifPresent(rate -> takes.add(new Take(keys.of(endpoint.name(), "address",
                client == null ? "unknown" : client), rate)));
        endpoint.perCredential().ifPresent(rate -> match.credential()
                .ifPresent(credential -> takes.add(new Take(keys.of(endpoint.name(), "credential", credential), rate))));
        return takes;
    }

    /** A body still arriving after the deadline is answered with 408 and its connection closed (slow-body clients). */
    private void armBodyDeadline(RoutingContext context) {
        HttpServerRequest request = context.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean hasBody = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || (length != null && !length.strip().equals("0"));
        if (!hasBody || request.isEnded()) {
            return;
        }
        long timer = context.vertx().setTimer(bodyTimeoutMillis, fired -> {
            if (!request.isEnded() && !context.response().ended()) {
                problems.bodyTooSlow(context);
                if (request.version() != io.vertx.core.http.HttpVersion.HTTP_2) {
                    // HTTP/1: the rest of the body would be read as the next request; HTTP/2 ends just this stream.
                    request.connection().close();
                }
            }
        });
        context.addEndHandler(done -> context.vertx().cancelTimer(timer));
    }
}
