package eu.plenum.media.rooms;

import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** plenum_recording_copy_lag_seconds and plenum_recording_copies{status} on /q/metrics. */
@ApplicationScoped
class RecordingCopyMetrics {

    void register(@Observes StartupEvent started, MeterRegistry registry, RecordingReplicator replicator, NodeConfig node) {
        if (!node.plays(NodeRole.APP)) {
            return;
        }
        Gauge.builder("plenum_recording_copy_lag_seconds", replicator, RecordingReplicator::copyLagSeconds)
                .description("How long the oldest recording copy to a backup site has waited").register(registry);
        for (RecordingCopy.Status status : RecordingCopy.Status.values()) {
            Gauge.builder("plenum_recording_copies", replicator, r -> r.copies(status)).tag("status", status.name())
                    .description("Recording files per storage place, by state").register(registry);
        }
    }
}
