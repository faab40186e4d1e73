package eu.plenum.sites;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Replication at a glance on /q/health/ready: the database role, whether commits are confirmed by a
 * synchronous standby, and each standby's state and lag. Asynchronous running is reported
 * ("synchronous": false) but does not make the app unready: it can still serve. A primary waiting
 * for a synchronous standby that no declared target admits does: its commits would wait for ever,
 * so the check is down with the reason and the setting to add.
 */
@Readiness
@ApplicationScoped
class ReplicationHealthCheck implements HealthCheck {

    private final ReplicationMonitor monitor;
    private final StandbyLossGuard guard;
    private final ReplicationTargetGuard targets;

    ReplicationHealthCheck(ReplicationMonitor monitor, StandbyLossGuard guard, ReplicationTargetGuard targets) {
        this.monitor = monitor;
        this.guard = guard;
        this.targets = targets;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Database replication");
        Optional<UndeclaredSynchronousStandby> stall = targets.undeclaredSynchronousStandby();
        Optional<ReplicationState> state = monitor.current();
        if (state.isEmpty()) {
            return stalled(response.up().withData("role", "none"), stall).build();
        }
        ReplicationState replication = state.get();
        response.up().withData("role", replication.role()).withData("primary site", replication.role().equals("primary")
                        ? replication.site() : "unknown (connected to standby " + replication.site() + ")")
                .withData("synchronous", replication.synchronous())
                .withData("synchronous_standby_names", replication.synchronousStandbyNames())
                .withData("standbys", replication.standbys().size())
                .withData("policy on standby loss", guard.policy().name().toLowerCase())
                .withData("mode", guard.mode().name());
        guard.since().ifPresent(since -> response.withData("mode since", since.toString()));
        response.withData("last failover", replication.lastFailover() == null ? "none"
                : replication.lastFailover().at() + ": " + replication.lastFailover().primarySite() + " promoted, timeline "
                + replication.lastFailover().timeline());
        for (ReplicationState.Standby standby : replication.standbys()) {
            response.withData("standby." + standby.name(), standby.syncState() + ", " + standby.state() + ", lag "
                    + standby.lagBytes() + " bytes" + (standby.replayLagSeconds() == null ? "" : ", " + standby.replayLagSeconds() + " s"));
        }
        return stalled(response, stall).build();
    }

    private static HealthCheckResponseBuilder stalled(HealthCheckResponseBuilder response, Optional<UndeclaredSynchronousStandby> stall) {
        stall.ifPresent(found -> response.down().withData("reason", found.reason()).withData("setting to add", found.settingToAdd()));
        return response;
    }
}
