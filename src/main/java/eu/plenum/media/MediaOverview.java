package eu.plenum.media;

import eu.plenum.media.rooms.LiveRooms;
import eu.plenum.media.rooms.RoomViewers;
import eu.plenum.media.supervisor.PoolSnapshot;
import eu.plenum.media.supervisor.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The platform's media at a glance, for the console's overview: rooms live now on every node (the shared room
 * table), this node's WebRTC viewers and worker pool with its failures, and live rooms over the last 24 hours
 * and 30 days.
 */
@ApplicationScoped
public class MediaOverview {

    /** Rooms live now on one app node. */
    public record NodeRooms(String node, long liveRooms) {
    }

    /** This node's worker pool: idle, busy and starting processes, its limit, and failures since the node started. */
    public record Pool(boolean enabled, int idle, int busy, int starting, int maxWorkers, long workersFailed, long failedStarts) {
    }

    /**
     * The figures.
     *
     * @param perHour rooms live at some time in each of the last 24 hours, oldest first
     * @param perDay  rooms live at some time on each of the last 30 days, oldest first
     */
    public record Figures(long liveRoomsNow, long webrtcViewersHere, List<NodeRooms> byNode, Pool pool, List<Long> perHour,
            List<Long> perDay) {
    }

    private final Instance<EntityManager> entityManager;
    private final WorkerPool pool;
    private final LiveRooms rooms;
    private final RoomViewers viewers;

    MediaOverview(Instance<EntityManager> entityManager, WorkerPool pool, LiveRooms rooms, RoomViewers viewers) {
        this.entityManager = entityManager;
        this.pool = pool;
        this.rooms = rooms;
        this.viewers = viewers;
    }

    public Figures figures() {
        PoolSnapshot snapshot = pool.snapshot();
        long here = rooms.liveHere().stream().mapToLong(viewers::viewers).sum();
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> nodes = entityManager.get().createNativeQuery("SELECT coalesce(worker_node, '?'), count(*) FROM live_room"
                    + " WHERE status = 'LIVE' GROUP BY 1 ORDER BY 1").getResultList();
            List<NodeRooms> byNode = nodes.stream().map(row -> new NodeRooms((String) row[0], ((Number) row[1]).longValue())).toList();
            @SuppressWarnings("unchecked")
            List<Object[]> spans = entityManager.get().createNativeQuery("SELECT went_live_at, ended_at FROM live_room"
                    + " WHERE went_live_at IS NOT NULL AND (ended_at IS NULL OR ended_at >= now() - interval '30 days')").getResultList();
            java.time.Instant now = java.time.Instant.now();
            return new Figures(byNode.stream().mapToLong(NodeRooms::liveRooms).sum(), here, byNode,
                    new Pool(snapshot.enabled(), snapshot.idle(), snapshot.busy(), snapshot.starting(), snapshot.maxWorkers(),
                            snapshot.workersFailed(), snapshot.failedStarts()),
                    buckets(spans, now.truncatedTo(java.time.temporal.ChronoUnit.HOURS), java.time.Duration.ofHours(1), 24, now),
                    buckets(spans, now.truncatedTo(java.time.temporal.ChronoUnit.DAYS), java.time.Duration.ofDays(1), 30, now));
        });
    }

    /** Rooms whose live time overlaps each of {@code count} buckets of {@code width} ending with the one at {@code last}. */
    static List<Long> buckets(List<Object[]> spans, java.time.Instant last, java.time.Duration width, int count, java.time.Instant now) {
        long[] counts = new long[count];
        java.time.Instant first = last.minus(width.multipliedBy(count - 1L));
        for (Object[] span : spans) {
            java.time.Instant from = instant(span[0]);
            java.time.Instant to = span[1] == null ? now : instant(span[1]);
            for (int i = 0; i < count; i++) {
                java.time.Instant start = first.plus(width.multipliedBy(i));
                if (from.isBefore(start.plus(width)) && !to.isBefore(start)) {
                    counts[i]++;
                }
            }
        }
        return java.util.Arrays.stream(counts).boxed().toList();
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof java.time.Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
