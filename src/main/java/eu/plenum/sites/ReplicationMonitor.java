package eu.plenum.sites;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the replication state from PostgreSQL itself ({@code pg_is_in_recovery()},
 * {@code pg_stat_replication}) and publishes it as metrics; nodes without a database (edge) have none.
 */
@ApplicationScoped
public class ReplicationMonitor {

    private final Instance<AgroalDataSource> dataSource;
    private final TimelineWatch timelines;

    ReplicationMonitor(Instance<AgroalDataSource> dataSource, TimelineWatch timelines, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.timelines = timelines;
        Gauge.builder("plenum.replication.standbys", this, monitor -> monitor.current().map(s -> s.standbys().size()).orElse(-1))
                .description("Standbys connected to the primary (-1: unknown)").register(metrics);
        Gauge.builder("plenum.replication.synchronous", this, monitor -> monitor.current().map(s -> s.synchronous() ? 1 : 0).orElse(-1))
                .description("1 when a synchronous standby confirms every commit, 0 when not, -1 unknown").register(metrics);
        Gauge.builder("plenum.replication.lag.bytes", this, monitor -> monitor.current()
                        .flatMap(s -> s.standbys().stream().map(ReplicationState.Standby::lagBytes).max(Long::compare)).orElse(-1L))
                .description("Largest replay lag of a standby in bytes (-1: none)").baseUnit("bytes").register(metrics);
        Gauge.builder("plenum.replication.lag.seconds", this, monitor -> monitor.current()
                        .flatMap(s -> s.standbys().stream().map(ReplicationState.Standby::replayLagSeconds)
                                .filter(java.util.Objects::nonNull).max(Double::compare)).orElse(-1.0))
                .description("Largest replay lag of a standby in seconds (-1: none)").baseUnit("seconds").register(metrics);
        Gauge.builder("plenum.replication.last.failover", timelines, watch -> watch.lastFailover()
                        .map(failover -> failover.at().getEpochSecond()).orElse(0L))
                .description("When the database was last promoted (epoch seconds; 0: never)").baseUnit("seconds").register(metrics);
    }

    /** The state now, or empty when this node has no database or it cannot be reached. */
    public Optional<ReplicationState> current() {
        if (!dataSource.isResolvable()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.get().getConnection(); Statement statement = connection.createStatement()) {
            String role;
            String site;
            try (ResultSet rows = statement.executeQuery("SELECT pg_is_in_recovery(), COALESCE(NULLIF(current_setting('cluster_name'), ''),"
                    + " host(inet_server_addr()) || ':' || inet_server_port(), 'local')")) {
                rows.next();
                role = rows.getBoolean(1) ? "standby" : "primary";
                site = rows.getString(2);
            }
            String names;
            try (ResultSet rows = statement.executeQuery("SELECT current_setting('synchronous_standby_names')")) {
                rows.next();
                names = rows.getString(1);
            }
            List<ReplicationState.Standby> standbys = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("""
                    SELECT application_name, state, sync_state,
                           COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), 0)::bigint AS lag_bytes,
                           EXTRACT(EPOCH FROM replay_lag)::float8 AS replay_lag
                    FROM pg_stat_replication ORDER BY application_name""")) {
                while (rows.next()) {
                    double lag = rows.getDouble("replay_lag");
                    standbys.add(new ReplicationState.Standby(rows.getString("application_name"), rows.getString("state"),
                            rows.getString("sync_state"), rows.getLong("lag_bytes"), rows.wasNull() ? null : lag));
                }
            }
            return Optional.of(new ReplicationState(role, site, names, standbys, timelines.lastFailover().orElse(null)));
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
