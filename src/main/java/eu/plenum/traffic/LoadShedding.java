package eu.plenum.traffic;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ExecutorRecorder;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;
import org.jboss.threads.EnhancedQueueExecutor;

/**
 * Global load shedding: while the event loop lags, tasks queue for a worker thread or threads queue for a
 * database connection beyond the configured marks, new requests get a quick 503 with Retry-After instead of
 * joining the queue (health and metrics under {@code /q/} are always answered, so the node is seen alive).
 * The lag is measured by a timer on an event loop that should fire every 100 ms.
 */
@ApplicationScoped
public class LoadShedding {

    private static final Logger LOG = Logger.getLogger(LoadShedding.class);
    private static final long PROBE_MILLIS = 100;

    private final TrafficConfig.Shedding config;
    private final Saturation saturation;
    private final Instance<AgroalDataSource> dataSource;
    private final TrafficProblems problems;
    private final Counter shed;
    private volatile long lagNanos;
    private volatile long expectedAt;
    private volatile String lastReason = "";

    LoadShedding(TrafficConfig config, Instance<AgroalDataSource> dataSource, TrafficProblems problems, MeterRegistry metrics) {
        this.config = config.shedding();
        this.saturation = new Saturation(this.config.eventLoopLag(), this.config.workerQueue(), this.config.databaseWaiters());
        this.dataSource = dataSource;
        this.problems = problems;
        this.expectedAt = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        this.shed = Counter.builder("plenum.traffic.shed").description("Requests refused with 503 because the node was saturated")
                .register(metrics);
    }

    void startProbe(@Observes StartupEvent started, Vertx vertx) {
        expectedAt = System.nanoTime() + PROBE_MILLIS * 1_000_000;
        vertx.setPeriodic(PROBE_MILLIS, tick -> {
            long now = System.nanoTime();
            lagNanos = Math.max(0, now - expectedAt);
            expectedAt = now + PROBE_MILLIS * 1_000_000;
        });
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 12).handler(this::filter);
    }

    private void filter(RoutingContext context) {
        if (!config.enabled() || context.normalizedPath().startsWith("/q/")) {
            context.next();
            return;
        }
        Optional<String> saturated = saturated();
        if (saturated.isEmpty()) {
            context.next();
            return;
        }
        shed.increment();
        if (!saturated.get().equals(lastReason)) {
            lastReason = saturated.get();
            LOG.warnf("Shedding new requests: the %s is saturated", saturated.get());
        }
        problems.overloaded(context, config.retryAfterSeconds());
    }

    /** The saturated resource now, if any. */
    Optional<String> saturated() {
        Optional<String> reason = saturation.of(currentLag(), workerQueue(), databaseWaiters());
        if (reason.isEmpty()) {
            lastReason = "";
        }
        return reason;
    }

    /** The lag of the probe timer, counting a timer that is overdue right now (a blocked loop never fires it). */
    private Duration currentLag() {
        long overdue = System.nanoTime() - expectedAt;
        return Duration.ofNanos(Math.max(lagNanos, overdue));
    }

    private static int workerQueue() {
        Executor executor = ExecutorRecorder.getCurrent();
        return executor instanceof EnhancedQueueExecutor pool ? pool.getQueueSize() : 0;
    }

    private int databaseWaiters() {
        if (!dataSource.isResolvable()) {
            return 0;
        }
        try {
            return (int) dataSource.get().getMetrics().awaitingCount();
        } catch (RuntimeException inactive) {
            return 0;
        }
    }
}
