package eu.plenum.compliance.audit;

import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Writes the chain's head to this site's anchor file at intervals
 * ({@code plenum.compliance.audit.anchor-every}), on app nodes only, so that a deletion of the newest
 * entries shows up in the next verification.
 */
@ApplicationScoped
public class AuditAnchorJob {

    private static final Logger LOG = Logger.getLogger(AuditAnchorJob.class);

    private final AuditChainReader chain;
    private final AuditAnchors anchors;
    private final NodeConfig node;
    private final Clock clock;
    private final String nodeId;

    AuditAnchorJob(AuditChainReader chain, AuditAnchors anchors, NodeConfig node, Clock clock,
            @ConfigProperty(name = "plenum.node-id", defaultValue = "local") String nodeId) {
        this.chain = chain;
        this.anchors = anchors;
        this.node = node;
        this.clock = clock;
        this.nodeId = nodeId;
    }

    @Scheduled(every = "${plenum.compliance.audit.anchor-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (!node.plays(NodeRole.APP)) {
            return;
        }
        try {
            anchorNow();
        } catch (RuntimeException e) {
            LOG.errorf("ALERT: the audit chain's head could not be anchored: %s", e.getClass().getSimpleName());
        }
    }

    /** Anchors the current head; returns the anchor written, if the head was new. */
    @Transactional
    public java.util.Optional<AuditAnchor> anchorNow() {
        String chainId = chain.chainId();
        return chain.head()
                .map(head -> new AuditAnchor(head.seq(), head.entryHash(), head.recordedAt(), clock.instant(), safe(nodeId)))
                .filter(anchor -> anchors.append(chainId, anchor));
    }

    private static String safe(String id) {
        return id.replaceAll("\\s", "_");
    }
}
