package eu.plenum.sites;

import java.util.List;

/**
 * Replication as the database the app writes to reports it.
 *
 * @param role {@code primary} or {@code standby} (a standby the app reached, e.g. mid-failover)
 * @param site which site's server that is: its {@code cluster_name}, else its address
 * @param lastFailover the last promotion the app recorded, or null if the database never changed primary
 * @param synchronousStandbyNames the primary's {@code synchronous_standby_names}; empty means
 *     asynchronous (degraded when standbys are expected)
 * @param standbys the connected standbys with their state and lag
 */
public record ReplicationState(String role, String site, String synchronousStandbyNames, List<Standby> standbys,
        TimelineWatch.Failover lastFailover) {

    /** One connected standby. */
    public record Standby(String name, String state, String syncState, long lagBytes, Double replayLagSeconds) {
    }

    public boolean synchronous() {
        return standbys.stream().anyMatch(standby -> "sync".equals(standby.syncState()));
    }
}
