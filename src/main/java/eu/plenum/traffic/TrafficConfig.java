package eu.plenum.traffic;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Limits at the door ({@code plenum.traffic.*}): forwarded addresses, endpoint classes, shedding, body deadline. */
@ConfigMapping(prefix = "plenum.traffic")
public interface TrafficConfig {

    /**
     * Addresses or CIDR blocks of declared edges and proxies (e.g. {@code 10.20.0.0/16}): only from these is
     * {@code X-Forwarded-For} / {@code Forwarded} believed. Default none: the socket peer is the client.
     */
    Optional<List<String>> trustedProxies();

    /** The endpoint classes by name; a request belongs to the matching class with the lowest {@code order}. */
    Map<String, EndpointLimits> classes();

    /** Global load shedding. */
    Shedding shedding();

    /** Time a request body may take to arrive completely; a slower one gets 408 and its connection is closed. */
    @WithDefault("30s")
    Duration bodyTimeout();

    /** One class of endpoints and its limits. */
    interface EndpointLimits {

        /** Regular expression over the normalised path; a named group {@code credential} marks a token in the path. */
        String paths();

        /** HTTP methods the class covers (upper case); empty: all. */
        Optional<List<String>> methods();

        /** Lower orders are matched first. */
        @WithDefault("100")
        int order();

        /** Whether the buckets live in PostgreSQL, shared by every app node (else in this node's memory). */
        @WithDefault("false")
        boolean shared();

        /** Per client address. */
        Optional<Limit> perAddress();

        /** Per credential: bearer token (stream key, access token) or the token in the path (personal link). */
        Optional<Limit> perCredential();
    }

    /** A token bucket: {@code requests} at once, refilled evenly over {@code period}. */
    interface Limit {

        int requests();

        Duration period();
    }

    /** When new work is refused with 503 instead of being queued. */
    interface Shedding {

        @WithDefault("true")
        boolean enabled();

        /** Event-loop lag (a timer firing this much late) above which new requests are shed. */
        @WithDefault("1s")
        Duration eventLoopLag();

        /** Tasks waiting for a worker thread above which new requests are shed. */
        @WithDefault("200")
        int workerQueue();

        /** Threads waiting for a database connection above which new requests are shed. */
        @WithDefault("20")
        int databaseWaiters();

        /** The Retry-After of a shed request, in seconds. */
        @WithDefault("2")
        int retryAfterSeconds();
    }
}
