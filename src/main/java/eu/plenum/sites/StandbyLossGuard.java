package eu.plenum.sites;

import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Applies the configured policy for a lost synchronous standby. With {@code degrade}, once no
 * standby has confirmed commits for {@code plenum.sites.degrade-after}, it empties the primary's
 * {@code synchronous_standby_names} (waiting commits are released), raises an alert in the log, on
 * {@code /q/health} and {@code /q/metrics}, and restores synchronous replication as soon as a standby
 * is streaming and caught up again. It uses a connection of its own: the pool may be full of
 * commits waiting for the very standby that is gone. Needs a database role that may run
 * {@code ALTER SYSTEM} for that one parameter (PostgreSQL 15: {@code GRANT ALTER SYSTEM ON PARAMETER}).
 * Under Patroni ({@code plenum.sites.replication-manager=patroni}) the same policy is Patroni's synchronous mode
 * (strict for {@code block}); the guard then changes nothing and only reports what Patroni does.
 */
@ApplicationScoped
public class StandbyLossGuard {

    private static final Logger LOG = Logger.getLogger(StandbyLossGuard.class);

    /** What the guard sees; {@code since} is when the standby went missing or when replication was degraded. */
    public enum Mode { SYNCHRONOUS, WAITING_FOR_STANDBY, DEGRADED_ASYNCHRONOUS, NOT_APPLICABLE }

    private final SitesConfig config;
    private final boolean enabled;
    private final OwnDatabaseConnection database;
    private volatile Mode mode = Mode.NOT_APPLICABLE;
    private volatile Instant since;
    private String namesBeforeDegrading;

    StandbyLossGuard(SitesConfig config, NodeConfig node, MeterRegistry metrics, OwnDatabaseConnection database) {
        this.config = config;
        this.enabled = node.plays(NodeRole.APP) && database.configured();
        this.database = database;
        Gauge.builder("plenum.replication.degraded", this, guard -> guard.mode == Mode.DEGRADED_ASYNCHRONOUS ? 1 : 0)
                .description("1 while the primary runs asynchronously because its synchronous standby was lost").register(metrics);
    }

    public Mode mode() {
        return mode;
    }

    public Optional<Instant> since() {
        return Optional.ofNullable(since);
    }

    public SitesConfig.OnStandbyLoss policy() {
        return config.onStandbyLoss();
    }

    @Scheduled(every = "${plenum.sites.check-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    synchronized void check() {
        if (!enabled) {
            return;
        }
        database.check(statement -> {
            String names = OwnDatabaseConnection.queryString(statement, "SELECT current_setting('synchronous_standby_names')");
            boolean confirming = OwnDatabaseConnection.queryBoolean(statement,
                    "SELECT count(*) > 0 FROM pg_stat_replication WHERE state = 'streaming' AND sync_state IN ('sync', 'quorum')");
            boolean caughtUp = OwnDatabaseConnection.queryBoolean(statement, "SELECT count(*) > 0 FROM pg_stat_replication WHERE state = 'streaming'"
                    + " AND pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) = 0");
            decide(statement, names, confirming, caughtUp);
        }, () -> set(Mode.NOT_APPLICABLE));
    }

    private void decide(Statement statement, String names, boolean confirming, boolean caughtUp) throws SQLException {
        if (config.replicationManager() == SitesConfig.ReplicationManager.PATRONI) {
            observe(names, confirming);
            return;
        }
        if (mode == Mode.DEGRADED_ASYNCHRONOUS) {
            if (caughtUp) {
                String restored = config.synchronousStandbyNames().orElse(namesBeforeDegrading);
                setStandbyNames(statement, restored);
                LOG.warnf("Synchronous replication restored (synchronous_standby_names = '%s') after %.1f s asynchronous",
                        restored, Duration.between(since, Instant.now()).toMillis() / 1000.0);
                set(Mode.SYNCHRONOUS);
            }
            return;
        }
        if (names.isBlank()) {
            // Asynchronous by configuration (or degraded before this node started): restore if told what to.
            if (config.synchronousStandbyNames().isPresent() && caughtUp) {
                setStandbyNames(statement, config.synchronousStandbyNames().get());
                set(Mode.SYNCHRONOUS);
            } else {
                set(Mode.NOT_APPLICABLE);
            }
            return;
        }
        if (confirming) {
            set(Mode.SYNCHRONOUS);
            return;
        }
        if (mode != Mode.WAITING_FOR_STANDBY) {
            set(Mode.WAITING_FOR_STANDBY);
            LOG.errorf("ALERT: no synchronous standby confirms commits; writes wait (policy %s)", config.onStandbyLoss());
        }
        if (config.onStandbyLoss() == SitesConfig.OnStandbyLoss.DEGRADE
                && Duration.between(since, Instant.now()).compareTo(config.degradeAfter()) >= 0) {
            namesBeforeDegrading = names;
            setStandbyNames(statement, "");
            set(Mode.DEGRADED_ASYNCHRONOUS);
            LOG.errorf("ALERT: replication degraded to ASYNCHRONOUS after %d s without a synchronous standby; "
                    + "commits are no longer on two sites (RPO > 0) until a standby is back", config.degradeAfter().toSeconds());
        }
    }

    /**
     * Patroni's synchronous mode always runs; an empty {@code synchronous_standby_names} on its primary means it
     * degraded (non-strict, standby lost), while a strict primary keeps waiting ({@code *}) for any standby.
     */
    private void observe(String names, boolean confirming) {
        Mode next = underPatroni(names, confirming);
        if (next != mode && next != Mode.SYNCHRONOUS) {
            LOG.errorf("ALERT: no synchronous standby confirms commits; Patroni %s (policy %s)",
                    next == Mode.DEGRADED_ASYNCHRONOUS ? "runs the primary asynchronously (RPO > 0)" : "keeps commits waiting",
                    config.onStandbyLoss());
        }
        set(next);
    }

    static Mode underPatroni(String names, boolean confirming) {
        return confirming ? Mode.SYNCHRONOUS : names.isBlank() ? Mode.DEGRADED_ASYNCHRONOUS : Mode.WAITING_FOR_STANDBY;
    }

    private void set(Mode next) {
        if (next != mode) {
            mode = next;
            since = next == Mode.SYNCHRONOUS || next == Mode.NOT_APPLICABLE ? null : Instant.now();
        }
    }

    private static void setStandbyNames(Statement statement, String names) throws SQLException {
        statement.execute("ALTER SYSTEM SET synchronous_standby_names = '" + names.replace("'", "''") + "'");
        statement.execute("SELECT pg_reload_conf()");
    }
}
