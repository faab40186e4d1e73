package eu.plenum.media.rooms;

import eu.plenum.quotas.Quota;
import eu.plenum.quotas.QuotaUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** What a tenant uses of the media quotas, read from the live rooms, the viewers on this node and the recording catalogue. */
final class MediaQuotaUsage {

    private MediaQuotaUsage() {
    }

    /** Rooms live or going live now, on any node (the room table is shared). */
    @ApplicationScoped
    static class LiveRoomsInUse implements QuotaUsage {

        private final Instance<EntityManager> entityManager;

        LiveRoomsInUse(Instance<EntityManager> entityManager) {
            this.entityManager = entityManager;
        }

        @Override
        public Quota quota() {
            return Quota.LIVE_ROOMS;
        }

        @Override
        public long of(String tenantId) {
            return entityManager.get().createQuery("select count(r) from LiveRoom r where r.tenantId = ?1 and r.status in (?2, ?3)",
                    Long.class).setParameter(1, tenantId).setParameter(2, LiveRoom.Status.LIVE)
                    .setParameter(3, LiveRoom.Status.STARTING).getSingleResult();
        }
    }

    /** Bytes of the tenant's catalogued recordings that are not erased (a file being written counts once it ends). */
    @ApplicationScoped
    static class RecordingBytesInUse implements QuotaUsage {

        private final Instance<EntityManager> entityManager;

        RecordingBytesInUse(Instance<EntityManager> entityManager) {
            this.entityManager = entityManager;
        }

        @Override
        public Quota quota() {
            return Quota.RECORDING_BYTES;
        }

        @Override
        public long of(String tenantId) {
            return entityManager.get().createQuery(
                    "select coalesce(sum(r.sizeBytes), 0) from Recording r where r.tenantId = ?1 and r.erasedFor is null", Long.class)
                    .setParameter(1, tenantId).getSingleResult();
        }
    }

    /** The most WebRTC viewers one of the tenant's rooms has on this node now. */
    @ApplicationScoped
    static class WebRtcViewersInUse implements QuotaUsage {

        private final LiveRooms rooms;
        private final RoomViewers viewers;
        private final RoomStore store;

        WebRtcViewersInUse(LiveRooms rooms, RoomViewers viewers, RoomStore store) {
            this.rooms = rooms;
            this.viewers = viewers;
            this.store = store;
        }

        @Override
        public Quota quota() {
            return Quota.WEBRTC_VIEWERS_PER_ROOM;
        }

        @Override
        public long of(String tenantId) {
            long most = 0;
            for (UUID roomId : rooms.liveHere()) {
                if (tenantId.equals(store.read(roomId, LiveRoom::tenantId))) {
                    most = Math.max(most, viewers.viewers(roomId));
                }
            }
            return most;
        }
    }
}
