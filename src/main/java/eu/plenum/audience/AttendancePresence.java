package eu.plenum.audience;

import eu.plenum.audience.domain.AttendanceRepository;
import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Presence on the attendee page: its open event stream is the signal. A stream that opens writes a
 * presence row; while it stays open this node renews all its presences in one statement every
 * {@code plenum.audience.attendance.heartbeat-every}; when it closes the row is closed. A node that
 * dies renews nothing: any node closes such rows at their last heartbeat once they were silent for
 * {@code silent-after}, so a dead node costs at most one heartbeat interval of attendance.
 */
@ApplicationScoped
public class AttendancePresence {

    private static final Logger LOG = Logger.getLogger(AttendancePresence.class);

    private final AttendanceRepository repository;
    private final AudienceConfig config;
    private final Clock clock;
    private final String nodeId;
    private final boolean appNode;
    private final Set<UUID> open = ConcurrentHashMap.newKeySet();

    AttendancePresence(AttendanceRepository repository, AudienceConfig config, Clock clock, NodeConfig node,
            @ConfigProperty(name = "plenum.node-id", defaultValue = "local") String nodeId) {
        this.repository = repository;
        this.config = config;
        this.clock = clock;
        this.nodeId = nodeId;
        this.appNode = node.plays(NodeRole.APP);
    }

    /** A registration's device opened the page of a session: returns the presence id to close later. */
    public UUID connected(String tenantId, UUID webinarId, UUID sessionId, UUID registrationId, UUID attendeeSessionId) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() ->
                repository.connected(id, tenantId, webinarId, sessionId, registrationId, attendeeSessionId, nodeId, clock.instant()));
        open.add(id);
        return id;
    }

    /** The stream closed (often on an event-loop thread, so the write goes to a worker). */
    public void disconnected(UUID id) {
        if (!open.remove(id)) {
            return;
        }
        var at = clock.instant();
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> repository.disconnected(id, at));
            } catch (RuntimeException e) {
                // the row stays open without heartbeats and is closed at its last one
                LOG.warnf("Presence %s not closed: %s", id, e.getClass().getSimpleName());
            }
        });
    }

    @Scheduled(every = "${plenum.audience.attendance.heartbeat-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void heartbeat() {
        if (!appNode) {
            return;
        }
        try {
            List<UUID> ids = List.copyOf(open);
            var now = clock.instant();
            QuarkusTransaction.requiringNew().run(() -> {
                repository.seen(ids, now);
                repository.closeSilent(now.minus(config.attendance().silentAfter()));
            });
        } catch (RuntimeException e) {
            LOG.warnf("Presence heartbeat failed: %s", e.getClass().getSimpleName());
        }
    }

    /** Streams this node serves now. */
    int openHere() {
        return open.size();
    }
}
