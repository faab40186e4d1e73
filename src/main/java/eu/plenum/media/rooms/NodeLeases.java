package eu.plenum.media.rooms;

import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This app node's lease in {@code app_node}, renewed every {@code plenum.media.node-lease-renew-every};
 * and the sweep that ends live rooms of nodes whose lease ran out ({@code plenum.media.node-lease-timeout}):
 * their workers died with them, and nobody else would ever end those rooms. Runs on every app node.
 */
@ApplicationScoped
public class NodeLeases {

    private final Instance<EntityManager> entityManager;
    private final LiveRooms rooms;
    private final String nodeId;
    private final Duration timeout;
    private final boolean enabled;
    private final String url;

    /**
     * @param nodeUrl where other app nodes reach this one ({@code plenum.node-url}; in Kubernetes the pod
     *     IP from the downward API); default this machine's loopback on the HTTP port
     */
    NodeLeases(Instance<EntityManager> entityManager, LiveRooms rooms, NodeConfig node,
            @ConfigProperty(name = "plenum.node-id", defaultValue = "local") String nodeId,
            @ConfigProperty(name = "plenum.media.node-lease-timeout", defaultValue = "30s") Duration timeout,
            @ConfigProperty(name = "plenum.node-url") java.util.Optional<String> nodeUrl,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort) {
        this.url = nodeUrl.map(value -> value.replaceAll("/+$", "")).orElse("http://127.0.0.1:" + httpPort);
        this.entityManager = entityManager;
        this.rooms = rooms;
        this.nodeId = nodeId;
        this.timeout = timeout;
        this.enabled = node.plays(NodeRole.APP);
    }

    @Scheduled(every = "${plenum.media.node-lease-renew-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void renewAndSweep() {
        if (!enabled) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery("""
                INSERT INTO app_node (id, url) VALUES (?1, ?2)
                ON CONFLICT (id) DO UPDATE SET renewed_at = now(), url = excluded.url""").setParameter(1, nodeId)
                .setParameter(2, url).executeUpdate());
        orphanedRooms().forEach(room -> rooms.endOrphaned(room.id(), room.workerId(), room.node()));
        Instant fresh = Instant.now().minus(timeout);
        nodeHosts = QuarkusTransaction.requiringNew().call(() -> em().createQuery(
                "select n.url from AppNodeLease n where n.renewedAt >= ?1 and n.url is not null", String.class)
                .setParameter(1, fresh).getResultStream().map(url -> java.net.URI.create(url).getHost())
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /** Hosts of the app nodes with a current lease, refreshed with every renewal. */
    private volatile java.util.Set<String> nodeHosts = java.util.Set.of();

    /** Whether a request comes from an app node (a relay), judged by its source address. */
    public boolean isAppNode(String address) {
        return address != null && nodeHosts.contains(address);
    }

    /** The address of an app node whose lease is current, if it has one. */
    public java.util.Optional<String> urlOf(String node) {
        Instant fresh = Instant.now().minus(timeout);
        return QuarkusTransaction.requiringNew().call(() -> em().createQuery(
                "select n.url from AppNodeLease n where n.id = ?1 and n.renewedAt >= ?2 and n.url is not null", String.class)
                .setParameter(1, node).setParameter(2, fresh).getResultStream().findFirst());
    }

    /**
     * Whether {@code node} holds a lease renewed within the timeout (this node always does while it runs);
     * asked in the caller's transaction.
     */
    public boolean holdsLease(String node) {
        if (node.equals(nodeId)) {
            return true;
        }
        Instant fresh = Instant.now().minus(timeout);
        return em().createQuery("select count(n) from AppNodeLease n where n.id = ?1 and n.renewedAt >= ?2", Long.class)
                .setParameter(1, node).setParameter(2, fresh).getSingleResult() > 0;
    }

    /** This node's id. */
    public String nodeId() {
        return nodeId;
    }

    /** A clean stop gives its lease up at once; its rooms were finalised by the shutdown. */
    void stop(@Observes ShutdownEvent shutdown) {
        if (enabled) {
            try {
                QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery("DELETE FROM app_node WHERE id = ?1")
                        .setParameter(1, nodeId).executeUpdate());
            } catch (RuntimeException databaseGone) {
                // the lease simply expires
            }
        }
    }

    private record Orphan(UUID id, String workerId, String node) {
    }

    /** Rooms live or going live on another node that holds no lease renewed within the timeout. */
    private List<Orphan> orphanedRooms() {
        Instant expired = Instant.now().minus(timeout);
        return QuarkusTransaction.requiringNew().call(() -> em().createQuery("""
                select r.id, r.workerId, r.workerNode from LiveRoom r
                where r.status in (?1, ?4) and r.workerNode is not null and r.workerNode <> ?2
                and not exists (select 1 from AppNodeLease n where n.id = r.workerNode and n.renewedAt >= ?3)""", Object[].class)
                .setParameter(1, LiveRoom.Status.LIVE).setParameter(4, LiveRoom.Status.STARTING).setParameter(2, nodeId)
                .setParameter(3, expired).setMaxResults(100).getResultStream()
                .map(row -> new Orphan((UUID) row[0], (String) row[1], (String) row[2])).toList());
    }

    private EntityManager em() {
        return entityManager.get();
    }
}
