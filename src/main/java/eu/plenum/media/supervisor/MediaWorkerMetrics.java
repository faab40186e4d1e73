package eu.plenum.media.supervisor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** plenum_media_workers{state} and the totals of started and failed workers on /q/metrics. */
@ApplicationScoped
class MediaWorkerMetrics {

    void register(@Observes StartupEvent started, MeterRegistry registry, WorkerPool pool) {
        Gauge.builder("plenum_media_workers", pool, p -> p.snapshot().idle()).tag("state", "idle")
                .description("Media worker processes of this node by state").register(registry);
        Gauge.builder("plenum_media_workers", pool, p -> p.snapshot().starting()).tag("state", "starting").register(registry);
        Gauge.builder("plenum_media_workers", pool, p -> p.snapshot().busy()).tag("state", "busy").register(registry);
        Gauge.builder("plenum_media_rooms_waiting_for_worker", pool, p -> p.snapshot().waitingRooms()).register(registry);
        Gauge.builder("plenum_media_workers_started", pool, p -> p.snapshot().workersStarted())
                .description("Media workers that became ready since this node started").register(registry);
        Gauge.builder("plenum_media_worker_failures", pool, p -> p.snapshot().workersFailed())
                .description("Media workers that died while serving a room").register(registry);
    }
}
