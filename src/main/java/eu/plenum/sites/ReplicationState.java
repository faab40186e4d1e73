package eu.plenum.sites;

import java.util.List;

/**
 * Replication as the database the app writes to reports it.
 *
 * @param role {@code primary} or {@code standby} (a standby the app reached, e.g. mid-failover)
 * @param synchronousStandbyNames the primary's {@code synchronous_standby_names}; empty means
 *     asynchronous (degraded when standbys are expected)
 * @param standbys the connected standbys with their state and lag
 */
public record ReplicationState(String role, String synchronousStandbyNames, List<Standby> standbys) {

    /** One connected standby. */
    public record Standby(String name, String state, String syncState, long lagBytes, Double replayLagSeconds) {
    }

    public boolean synchronous() {
        return standbys.stream().anyMatch(standby -> "sync".equals(standby.syncState()));
    }
}
