package eu.plenum.media.rooms;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Which app node serves a live room. A room's ingest worker, its viewer workers and its room lock
 * live on the node it went live on; a WHIP or WHEP request that reaches another node (any replica
 * behind a load balancer) is relayed there.
 */
@ApplicationScoped
public class RoomLocator {

    private final LiveRooms rooms;
    private final RoomStore store;
    private final NodeLeases leases;

    RoomLocator(LiveRooms rooms, RoomStore store, NodeLeases leases) {
        this.rooms = rooms;
        this.store = store;
        this.leases = leases;
    }

    /** Whether a request with the relay header really comes from an app node (else the header is ignored). */
    public boolean relayedByANode(String relayedHeader, String sourceAddress) {
        return relayedHeader != null && leases.isAppNode(sourceAddress);
    }

    /**
     * The address of the app node serving this live (or going-live) room, when that is another node with a current
     * lease; empty when this node serves it, or nobody does (then the request is answered here).
     */
    public Optional<String> servedElsewhere(UUID roomId) {
        if (rooms.ingestWorker(roomId).isPresent()) {
            return Optional.empty();
        }
        String node = store.read(roomId, room -> room.status() == LiveRoom.Status.LIVE
                || room.status() == LiveRoom.Status.STARTING ? room.workerNode() : null);
        if (node == null || node.equals(leases.nodeId())) {
            return Optional.empty();
        }
        return leases.urlOf(node);
    }
}
