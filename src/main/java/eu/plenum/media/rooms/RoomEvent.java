package eu.plenum.media.rooms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of a room's append-only history. */
@Entity
@Table(name = "room_event")
public class RoomEvent {

    public enum Kind { WENT_LIVE, PUBLISHER_JOINED, PUBLISHER_LEFT, PUBLISHER_FAILED, RECORDING_STARTED, RECORDING_STOPPED, ENDED, MEDIA_FAILURE, WAITING_FOR_WORKER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "room_id", nullable = false, updatable = false)
    private UUID roomId;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;
    @Column(updatable = false)
    private String detail;
    @Column(name = "worker_id", updatable = false)
    private String workerId;
    @Column(updatable = false)
    private String node;
    @Column(updatable = false)
    private String region;
    @Column(nullable = false, updatable = false)
    private Instant at;

    protected RoomEvent() {
    }

    RoomEvent(LiveRoom room, Kind kind, String detail) {
        this.roomId = room.id();
        this.tenantId = room.tenantId();
        this.kind = kind;
        this.detail = detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300);
        this.workerId = room.workerId();
        this.node = room.workerNode();
        this.region = room.workerRegion();
        this.at = Instant.now();
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }

    public String workerId() {
        return workerId;
    }

    public String node() {
        return node;
    }

    public String region() {
        return region;
    }

    public Instant at() {
        return at;
    }
}
