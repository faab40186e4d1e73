package eu.plenum.sites;

import eu.plenum.residency.DeclaredPlace;
import eu.plenum.residency.DeclaredPlaces;
import eu.plenum.residency.PersonalDataTransfer;
import eu.plenum.residency.PlaceKind;
import eu.plenum.residency.TransferGuard;
import eu.plenum.residency.TransferRefusedException;
import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The transfer guard for replication: every WAL sender on the primary (a streaming standby, or a
 * {@code pg_basebackup} copying the whole database) is a transfer of all personal data to wherever
 * that client is. Each new one is put to the {@link TransferGuard} as the database place whose
 * {@code target} names it ({@link StandbyIdentity}: application name, optionally with the client's
 * address or network) and logged; one that matches no declared database place, or whose place the policy refuses, is
 * ended at once with {@code pg_terminate_backend}. This is the run-time check; the barrier in front
 * of it is the primary's {@code pg_hba.conf}, which should admit replication only from the declared
 * standbys (a client can claim any application name, so a declared address makes the match strict).
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class ReplicationTargetGuard {

    private static final Logger LOG = Logger.getLogger(ReplicationTargetGuard.class);
    private static final String CATEGORY = "database-replica";
    private static final String PURPOSE = "streaming replication of the platform database (all personal data) to a standby";

    private final Map<DeclaredPlace, StandbyIdentity> standbys;
    private final TransferGuard guard;
    private final boolean enabled;
    private final OwnDatabaseConnection database;
    private final Counter refusals;
    /** WAL sender process ids already decided: true allowed, false refused (and terminated). */
    private final Map<Integer, Boolean> decided = new HashMap<>();
    private boolean warnedUnseeable;

    ReplicationTargetGuard(DeclaredPlaces places, TransferGuard guard, NodeConfig node, MeterRegistry metrics,
            OwnDatabaseConnection database) {
        this.standbys = standbys(places);
        this.guard = guard;
        this.enabled = node.plays(NodeRole.APP) && database.configured();
        this.database = database;
        this.refusals = Counter.builder("plenum.replication.targets.refused")
                .description("Replication connections ended because their destination is not an allowed database place")
                .register(metrics);
    }

    @Scheduled(every = "${plenum.sites.check-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    synchronized void check() {
        if (!enabled) {
            return;
        }
        database.check(this::checkSenders, decided::clear);
    }

    private void checkSenders(Statement statement) throws SQLException {
        if (!OwnDatabaseConnection.queryBoolean(statement, "SELECT pg_has_role(current_user, 'pg_read_all_stats', 'USAGE')")) {
            unseeable(); // this role does not see who streams: nothing to decide on, and nothing to end
            return;
        }
        Set<Integer> seen = new HashSet<>();
        try (ResultSet senders = statement.executeQuery(
                "SELECT pid, application_name, host(client_addr) AS address FROM pg_stat_replication")) {
            while (senders.next()) {
                seen.add(senders.getInt("pid"));
                if (!decided.containsKey(senders.getInt("pid"))) {
                    decided.put(senders.getInt("pid"), authorize(senders.getString("application_name"), senders.getString("address")));
                }
            }
        }
        decided.keySet().retainAll(seen);
        for (Map.Entry<Integer, Boolean> sender : decided.entrySet()) {
            if (!sender.getValue()) {
                terminate(sender.getKey());
            }
        }
    }

    private void unseeable() {
        if (!warnedUnseeable) {
            warnedUnseeable = true;
            LOG.error("ALERT: replication targets cannot be checked: the app's database role does not see who streams"
                    + " (grant it pg_monitor, and pg_signal_backend to end refused standbys)");
        }
    }

    /** True when the standby is a declared database place the policy allows; the decision is in the transfer log. */
    private boolean authorize(String applicationName, String address) {
        Optional<DeclaredPlace> place = declaredAs(applicationName, address);
        PersonalDataTransfer transfer = new PersonalDataTransfer(CATEGORY, PURPOSE, null,
                place.map(DeclaredPlace::name).orElse("undeclared standby '" + applicationName + "' at " + address),
                place.map(found -> found.region().code()).orElse(null), null);
        try {
            guard.authorize(transfer);
            return true;
        } catch (TransferRefusedException refused) {
            refusals.increment();
            LOG.errorf("ALERT: replication to %s refused; its WAL sender is ended: %s", transfer.destination(), refused.getMessage());
            return false;
        }
    }

    private Optional<DeclaredPlace> declaredAs(String applicationName, String address) {
        return standbys.entrySet().stream().filter(entry -> entry.getValue().matches(applicationName, address))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The standbys each database place stands for; a target that cannot be read stops the start-up. */
    private static Map<DeclaredPlace, StandbyIdentity> standbys(DeclaredPlaces places) {
        Map<DeclaredPlace, StandbyIdentity> standbys = new java.util.LinkedHashMap<>();
        for (DeclaredPlace place : places.ofKind(PlaceKind.DATABASE)) {
            place.target().ifPresent(target -> {
                try {
                    standbys.put(place, StandbyIdentity.parse(target));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("plenum.residency.places." + place.name() + ".target '" + target
                            + "' is not <application_name>[@<address>[/<prefix>]]: " + e.getMessage(), e);
                }
            });
        }
        return standbys;
    }

    /** Ends a refused WAL sender; it is tried on every check while the process lives (the standby may reconnect as a new one). */
    private void terminate(int pid) throws SQLException {
        try (PreparedStatement terminate = database.connection().prepareStatement("SELECT pg_terminate_backend(?)")) {
            terminate.setInt(1, pid);
            try (ResultSet done = terminate.executeQuery()) {
                if (!done.next() || !done.getBoolean(1)) {
                    LOG.errorf("ALERT: WAL sender %d of a refused standby could not be ended (grant pg_signal_backend to the app's role)", pid);
                }
            }
        }
    }
}
