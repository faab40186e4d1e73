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
import java.util.List;
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
 *
 * <p>Refusing is fail-closed, so a primary whose {@code synchronous_standby_names} expects a standby
 * that no declared target names would wait for ever (policy {@code block}): that is said at start-up
 * (log ERROR), on {@code /q/health/ready} (down) and on the console's replication page, each with
 * the declaration to add ({@link #undeclaredSynchronousStandby()}).
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
    /** Addresses of refused WAL senders by application name, to suggest a strict target. */
    private final Map<String, String> refusedAddresses = new HashMap<>();
    private volatile Optional<UndeclaredSynchronousStandby> undeclared = Optional.empty();

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

    /** Checks once as the app starts, so a stalling configuration is in the start-up log. */
    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent started) {
        check();
    }

    /**
     * Set while the primary expects a synchronous standby that no declared database place admits:
     * every such standby is ended, so commits wait (or the primary degrades, by policy).
     */
    public Optional<UndeclaredSynchronousStandby> undeclaredSynchronousStandby() {
        return undeclared;
    }

    @Scheduled(every = "${plenum.sites.check-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    synchronized void check() {
        if (!enabled) {
            return;
        }
        database.check(this::checkSenders, () -> {
            decided.clear();
            undeclared = Optional.empty(); // a standby server waits for nobody
        });
    }

    private void checkSenders(Statement statement) throws SQLException {
        checkExpectedStandbys(OwnDatabaseConnection.queryString(statement, "SELECT current_setting('synchronous_standby_names')"));
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
                    boolean allowed = authorize(senders.getString("application_name"), senders.getString("address"));
                    decided.put(senders.getInt("pid"), allowed);
                    if (!allowed && senders.getString("application_name") != null && senders.getString("address") != null) {
                        refusedAddresses.put(senders.getString("application_name").toLowerCase(java.util.Locale.ROOT),
                                senders.getString("address"));
                    }
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

    /** Compares the standbys the primary waits for with the declared targets; reports a change once. */
    private void checkExpectedStandbys(String setting) {
        Optional<UndeclaredSynchronousStandby> now = undeclaredIn(setting);
        if (now.equals(undeclared)) {
            return;
        }
        undeclared = now;
        now.ifPresentOrElse(found -> LOG.errorf("ALERT: %s Declare it: %s", found.reason(), found.settingToAdd()),
                () -> LOG.info("Every synchronous standby the primary expects is a declared database place"));
    }

    Optional<UndeclaredSynchronousStandby> undeclaredIn(String setting) {
        SynchronousStandbyNames expected = SynchronousStandbyNames.parse(setting);
        if (!expected.expectsStandby()) {
            return Optional.empty();
        }
        List<String> admitted = expected.names().stream()
                .filter(name -> standbys.values().stream().anyMatch(identity -> identity.admitsName(name))).toList();
        boolean any = expected.names().contains("*") && !standbys.isEmpty();
        if (any || admitted.size() >= expected.required()) {
            return Optional.empty();
        }
        List<String> missing = expected.names().stream().filter(name -> !admitted.contains(name)).toList();
        String name = missing.stream().filter(candidate -> !candidate.equals("*")).findFirst().orElse("<application_name>");
        String address = refusedAddresses.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "<standby address>");
        String reason = "synchronous_standby_names = '" + setting + "' waits for " + String.join(", ", missing)
                + ", but no declared database place (plenum.residency.places.*.target) names "
                + (missing.size() == 1 ? "it" : "them") + (standbys.isEmpty() ? " (no standby is declared at all)" : "")
                + ": the replication guard ends such a standby, so every commit waits for a standby that is never allowed.";
        String declaration = "plenum.residency.places.database-standby.kind=database, "
                + "plenum.residency.places.database-standby.region=<EU region of the standby>, "
                + "plenum.residency.places.database-standby.target=" + name + "@" + address;
        return Optional.of(new UndeclaredSynchronousStandby(setting, missing, reason, declaration));
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
