package eu.plenum.media.supervisor;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import io.smallrye.health.api.Wellness;

/**
 * "Media workers" on /q/health: down when no worker can start on this node, with the reason. A
 * wellness check, not readiness: registrations and pages still work without media, so the node
 * must keep its traffic.
 */
@Wellness
@ApplicationScoped
class MediaWorkersHealthCheck implements HealthCheck {

    private final WorkerPool pool;

    MediaWorkersHealthCheck(WorkerPool pool) {
        this.pool = pool;
    }

    @Override
    public HealthCheckResponse call() {
        PoolSnapshot snapshot = pool.snapshot();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Media workers")
                .status(!snapshot.enabled() || !snapshot.cannotStart())
                .withData("enabled", snapshot.enabled())
                .withData("idle", snapshot.idle())
                .withData("starting", snapshot.starting())
                .withData("busy", snapshot.busy())
                .withData("target idle", snapshot.targetIdle())
                .withData("rooms waiting", snapshot.waitingRooms());
        snapshot.lastStartFailure().ifPresent(failure -> response.withData("last start failure", failure));
        return response.build();
    }
}
