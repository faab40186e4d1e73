package eu.plenum.media.rooms;

import eu.plenum.residency.MediaProcessingSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The live periods of a webinar's rooms, read from their history (WENT_LIVE up to the next end). */
@ApplicationScoped
class MediaProcessingLocations implements MediaProcessingSource {

    private final Instance<EntityManager> entityManager;

    MediaProcessingLocations(Instance<EntityManager> entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<LivePeriod> livePeriods(String tenantId, UUID webinarId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<LiveRoom> rooms = entityManager.get().createQuery("from LiveRoom where tenantId = ?1 and webinarId = ?2", LiveRoom.class)
                    .setParameter(1, tenantId).setParameter(2, webinarId).getResultList();
            List<LivePeriod> periods = new ArrayList<>();
            for (LiveRoom room : rooms) {
                List<RoomEvent> history = entityManager.get().createQuery("from RoomEvent where roomId = ?1 order by at, id", RoomEvent.class)
                        .setParameter(1, room.id()).getResultList();
                for (int i = 0; i < history.size(); i++) {
                    RoomEvent event = history.get(i);
                    if (event.kind() == RoomEvent.Kind.WENT_LIVE) {
                        periods.add(new LivePeriod(room.sessionId(), room.id(), event.at(), endAfter(history, i), event.node(),
                                event.workerId(), event.region()));
                    }
                }
            }
            return periods;
        });
    }

    private static Instant endAfter(List<RoomEvent> history, int start) {
        return history.subList(start + 1, history.size()).stream()
                .filter(event -> event.kind() == RoomEvent.Kind.ENDED || event.kind() == RoomEvent.Kind.MEDIA_FAILURE)
                .map(RoomEvent::at).findFirst().orElse(null);
    }
}
