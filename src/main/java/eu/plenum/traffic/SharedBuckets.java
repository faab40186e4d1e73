package eu.plenum.traffic;

import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Buckets every app node shares, in PostgreSQL through bucket4j's select-for-update backend (table
 * {@code traffic_bucket}, V046): a flooder that spreads over the nodes behind a load balancer still
 * gets one budget. Rows expire as soon as their bucket would be full again and are swept every minute.
 */
@ApplicationScoped
public class SharedBuckets {

    private static final Logger LOG = Logger.getLogger(SharedBuckets.class);

    private final Optional<PostgreSQLSelectForUpdateBasedProxyManager<String>> proxies;

    SharedBuckets(Instance<AgroalDataSource> dataSource, NodeConfig node) {
        this.proxies = node.plays(NodeRole.APP) && dataSource.isResolvable() ? Optional.of(proxies(dataSource.get())) : Optional.empty();
    }

    /** A backend on {@code dataSource}: what each app node builds; tests build a second one to act as another node. */
    static PostgreSQLSelectForUpdateBasedProxyManager<String> proxies(DataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("traffic_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    /** Whether this node has a database to share buckets in (an edge has none: it limits in memory). */
    boolean available() {
        return proxies.isPresent();
    }

    /** Takes one request from the shared bucket {@code key}; blocks on the database, so never on an event loop. */
    Verdict take(String key, EndpointClass.Rate rate) {
        return take(proxies.orElseThrow(), key, rate);
    }

    static Verdict take(ProxyManager<String> proxies, String key, EndpointClass.Rate rate) {
        return Verdict.of(proxies.builder().build(key, () -> LocalBuckets.configuration(rate)).tryConsumeAndReturnRemaining(1));
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweepExpired() {
        proxies.ifPresent(manager -> {
            try {
                int removed;
                do {
                    removed = manager.removeExpired(1000);
                } while (removed == 1000);
            } catch (RuntimeException e) {
                LOG.warnf("Could not sweep expired rate-limit buckets: %s", e.getClass().getSimpleName());
            }
        });
    }
}
