package eu.plenum.media.supervisor;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * "Media workers" on /q/health: down while no worker can start on this node, with when the next
 * attempt is. A wellness check, not readiness: registrations and pages still work without media,
 * so the node must keep its traffic. The health endpoint is public, so it never quotes a worker's
 * output (paths, versions): operators read that on the admin API, {@code /api/admin/media/workers}.
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
                .withData("closing", snapshot.closing())
                .withData("target idle", snapshot.targetIdle())
                .withData("max workers", snapshot.maxWorkers())
                .withData("rooms waiting", snapshot.waitingRooms())
                .withData("failed starts", snapshot.failedStarts())
                .withData("worker user", snapshot.workerUser().startsWith("a user id") ? "own user per worker"
                        : snapshot.workerUser().startsWith("the app's user") ? "the app's user" : "not decided yet");
        if (snapshot.cannotStart()) {
            response.withData("reason", "media workers fail to start; the admin API /api/admin/media/workers has their output");
        }
        snapshot.nextStartAttempt().ifPresent(at -> response.withData("next start attempt", at.toString()));
        return response.build();
    }
}
