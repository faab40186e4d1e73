package eu.plenum.media.rooms;

import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The audience of live rooms across app nodes, for the host's studio: every app node writes what it
 * counts — WebRTC viewers it serves ({@link RoomViewers}) and HLS viewers whose pages renewed their
 * signed URL there ({@link HlsViewerWindow}) — into {@code room_audience} every few seconds, and raises
 * the room's peak; the studio reads the sum and the per-node figures. Counts only, nothing personal.
 */
@ApplicationScoped
public class RoomAudiences {

    private static final Logger LOG = Logger.getLogger(RoomAudiences.class);
    /** A node's row older than this is a node that stopped reporting: not counted. */
    private static final Duration STALE = Duration.ofSeconds(30);

    private final Instance<EntityManager> entityManager;
    private final RoomViewers viewers;
    private final HlsViewerWindow hls;
    private final String nodeId;
    private final boolean enabled;
    /** Rooms this node wrote a row for: rewritten (to zero, then removed) when their viewers are gone. */
    private final Set<UUID> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();

    RoomAudiences(Instance<EntityManager> entityManager, RoomViewers viewers, NodeConfig node,
            @ConfigProperty(name = "plenum.node-id", defaultValue = "local") String nodeId,
            eu.plenum.media.supervisor.MediaConfig config) {
        Duration window = config.hlsViewerWindow();
        this.entityManager = entityManager;
        this.viewers = viewers;
        this.nodeId = nodeId;
        this.hls = new HlsViewerWindow(window);
        this.enabled = node.plays(NodeRole.APP);
    }

    /** A page playing the room over HLS renewed its URL (or started to play). */
    public void hlsSeen(UUID roomId, UUID pageId) {
        hls.seen(roomId, pageId, Instant.now());
    }

    /** A page stopped playing the room over HLS. */
    public void hlsGone(UUID roomId, UUID pageId) {
        hls.gone(roomId, pageId);
    }

    /** One app node's figures. */
    public record NodeAudience(String node, int webrtc, int hls) {
    }

    /** The room's audience now (all nodes), its peak while live, and per node. */
    public record Audience(int webrtc, int hls, int peak, List<NodeAudience> nodes) {
    }

    /** What the app nodes reported lately for the room. */
    public Audience of(UUID roomId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em().createNativeQuery("""
                    SELECT node_id, webrtc_viewers, hls_viewers FROM room_audience
                    WHERE room_id = ?1 AND reported_at >= ?2 ORDER BY node_id""")
                    .setParameter(1, roomId).setParameter(2, Instant.now().minus(STALE)).getResultList();
            List<NodeAudience> nodes = rows.stream().map(row -> new NodeAudience((String) row[0], ((Number) row[1]).intValue(),
                    ((Number) row[2]).intValue())).filter(node -> node.webrtc() + node.hls() > 0).toList();
            Number peak = (Number) em().createNativeQuery("SELECT audience_peak FROM live_room WHERE id = ?1")
                    .setParameter(1, roomId).getResultStream().findFirst().orElse(0);
            return new Audience(nodes.stream().mapToInt(NodeAudience::webrtc).sum(), nodes.stream().mapToInt(NodeAudience::hls).sum(),
                    peak.intValue(), nodes);
        });
    }

    @Scheduled(every = "${plenum.media.audience-report-every:3s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void report() {
        if (!enabled) {
            return;
        }
        Set<UUID> rooms = new HashSet<>(reported);
        rooms.addAll(viewers.rooms());
        rooms.addAll(hls.rooms());
        if (rooms.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        try {
            QuarkusTransaction.requiringNew().run(() -> rooms.forEach(roomId -> write(roomId, viewers.viewers(roomId), hls.count(roomId, now))));
        } catch (RuntimeException e) {
            LOG.warnf("The audience of %d room(s) was not reported: %s", rooms.size(), e.getClass().getSimpleName());
        }
    }

    private void write(UUID roomId, int webrtc, int hlsViewers) {
        if (webrtc + hlsViewers == 0) {
            em().createNativeQuery("DELETE FROM room_audience WHERE room_id = ?1 AND node_id = ?2")
                    .setParameter(1, roomId).setParameter(2, nodeId).executeUpdate();
            reported.remove(roomId);
            return;
        }
        // A room that is gone (deleted with its webinar) has no row to refer to: nothing is written for it.
        int written = em().createNativeQuery("""
                INSERT INTO room_audience (room_id, node_id, webrtc_viewers, hls_viewers)
                SELECT id, ?2, ?3, ?4 FROM live_room WHERE id = ?1
                ON CONFLICT (room_id, node_id) DO UPDATE SET webrtc_viewers = excluded.webrtc_viewers,
                    hls_viewers = excluded.hls_viewers, reported_at = now()""")
                .setParameter(1, roomId).setParameter(2, nodeId).setParameter(3, webrtc).setParameter(4, hlsViewers).executeUpdate();
        if (written == 0) {
            reported.remove(roomId);
            return;
        }
        reported.add(roomId);
        em().createNativeQuery("""
                UPDATE live_room SET audience_peak = GREATEST(audience_peak, (SELECT COALESCE(SUM(webrtc_viewers + hls_viewers), 0)
                    FROM room_audience WHERE room_id = ?1 AND reported_at >= ?2)) WHERE id = ?1""")
                .setParameter(1, roomId).setParameter(2, Instant.now().minus(STALE)).executeUpdate();
    }

    private EntityManager em() {
        return entityManager.get();
    }
}
