package eu.plenum.sites;

import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Notices promotions. Each PostgreSQL promotion starts a new WAL timeline; the app records every
 * timeline its primary is on, with the site serving it ({@code cluster_name}, else the server's
 * address), in {@code database_timeline}. The newest timeline beyond the first is the last
 * failover (or switchover) — kept in the database, so it survives app restarts and is the same on
 * every node.
 */
@ApplicationScoped
public class TimelineWatch {

    private static final Logger LOG = Logger.getLogger(TimelineWatch.class);

    /** A promotion as the app saw it. */
    public record Failover(int timeline, String primarySite, Instant at) {
    }

    private final Instance<AgroalDataSource> dataSource;
    private final boolean enabled;
    private final String nodeId;
    private final PrimarySiteGauge primarySite;
    private volatile Optional<Failover> lastFailover = Optional.empty();

    TimelineWatch(Instance<AgroalDataSource> dataSource, NodeConfig node, MeterRegistry metrics,
            @ConfigProperty(name = "plenum.node-id", defaultValue = "local") String nodeId) {
        this.dataSource = dataSource;
        this.enabled = node.plays(NodeRole.APP);
        this.nodeId = nodeId;
        this.primarySite = new PrimarySiteGauge(metrics);
    }

    @Scheduled(every = "${plenum.sites.check-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        if (!enabled || !dataSource.isResolvable()) {
            return;
        }
        try (Connection connection = dataSource.get().getConnection()) {
            connection.setAutoCommit(true);
            Optional<String[]> primary = primaryTimeline(connection);
            if (primary.isEmpty()) {
                return;
            }
            primarySite.show(primary.get()[1]);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO database_timeline (timeline, primary_site, seen_by)"
                    + " VALUES (?, ?, ?) ON CONFLICT (timeline) DO NOTHING")) {
                insert.setInt(1, Integer.parseInt(primary.get()[0], 16));
                insert.setString(2, primary.get()[1]);
                insert.setString(3, nodeId);
                boolean newTimeline = insert.executeUpdate() == 1;
                lastFailover = lastFailover(connection); // any node may have recorded it
                if (newTimeline && lastFailover.isPresent()) {
                    LOG.warnf("Promotion noticed: site %s is primary on timeline %d", primary.get()[1], Integer.parseInt(primary.get()[0], 16));
                }
            }
        } catch (SQLException | RuntimeException e) {
            // no primary reachable now (failover in progress): the next check records it
        }
    }

    /**
     * The last promotion, if the database was ever promoted since the app first saw it, as of the
     * last check: health checks and metric scrapes read it without a query of their own.
     */
    public Optional<Failover> lastFailover() {
        return lastFailover;
    }

    /** Hex timeline (from the current WAL file's name) and site of a primary; empty on a standby. */
    private static Optional<String[]> primaryTimeline(Connection connection) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery("SELECT pg_is_in_recovery(),"
                + " CASE WHEN pg_is_in_recovery() THEN NULL ELSE substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8) END,"
                + " COALESCE(NULLIF(current_setting('cluster_name'), ''), host(inet_server_addr()) || ':' || inet_server_port(), 'local')")) {
            row.next();
            return row.getBoolean(1) ? Optional.empty() : Optional.of(new String[] {row.getString(2), row.getString(3)});
        }
    }

    private static Optional<Failover> lastFailover(Connection connection) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery("SELECT timeline, primary_site, first_seen_at FROM database_timeline"
                + " WHERE timeline > (SELECT min(timeline) FROM database_timeline) ORDER BY timeline DESC LIMIT 1")) {
            return row.next() ? Optional.of(new Failover(row.getInt(1), row.getString(2), row.getTimestamp(3).toInstant())) : Optional.empty();
        }
    }
}
