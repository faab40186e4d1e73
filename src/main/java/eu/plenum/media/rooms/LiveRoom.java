package eu.plenum.media.rooms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The live room of one webinar session; see V009__media_live_room.sql. */
@Entity
@Table(name = "live_room")
public class LiveRoom {

    public enum Status { READY, STARTING, LIVE, ENDED }

    public enum EndReason { HOST_ENDED, MEDIA_FAILURE, NO_WORKER, CANCELLED }

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "webinar_id", nullable = false, updatable = false)
    private UUID webinarId;
    @Column(name = "session_id", nullable = false, updatable = false)
    private UUID sessionId;
    @Column(name = "stream_key_hash", nullable = false)
    private String streamKeyHash;
    @Column(name = "stream_key_hint", nullable = false)
    private String streamKeyHint;
    @Column(name = "publisher_limit", nullable = false)
    private int publisherLimit;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Enumerated(EnumType.STRING)
    @Column(name = "ended_reason")
    private EndReason endedReason;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(nullable = false)
    private boolean recording;
    /** False while live backstage (practice mode): attendees wait in the lobby. See V025. */
    @Column(name = "audience_open", nullable = false)
    private boolean audienceOpen = true;
    @Column(name = "worker_id")
    private String workerId;
    @Column(name = "worker_node")
    private String workerNode;
    @Column(name = "worker_region")
    private String workerRegion;
    @Column(name = "went_live_at")
    private Instant wentLiveAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    /** Written only by {@link RoomStages} with plain UPDATEs, so that a stage change never costs a host a lost optimistic lock. */
    @Column(name = "stage_video", insertable = false, updatable = false)
    private UUID stageVideo;
    @Column(name = "stage_version", insertable = false, updatable = false)
    private int stageVersion;
    @Version
    private int version;

    protected LiveRoom() {
    }

    LiveRoom(String tenantId, UUID webinarId, UUID sessionId, String streamKeyHash, String streamKeyHint, boolean recording) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.webinarId = webinarId;
        this.sessionId = sessionId;
        this.streamKeyHash = streamKeyHash;
        this.streamKeyHint = streamKeyHint;
        this.publisherLimit = 2;
        this.status = Status.READY;
        this.recording = recording;
        this.createdAt = Instant.now();
    }

    void newStreamKey(String hash, String hint) {
        streamKeyHash = hash;
        streamKeyHint = hint;
    }

    /** The session was cancelled: the room never goes live again and its stream key stops working. */
    void cancel() {
        if (cancelledAt == null) {
            cancelledAt = Instant.now();
        }
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    /** Going live on {@code node}: named at once, so that a node dying now leaves a room the lease sweep finds. */
    void starting(String node) {
        status = Status.STARTING;
        workerId = null;
        workerNode = node;
        endedReason = null;
        endedAt = null;
    }

    void live(String workerId, String node, String region) {
        this.status = Status.LIVE;
        this.workerId = workerId;
        this.workerNode = node;
        this.workerRegion = region;
        this.wentLiveAt = Instant.now();
    }

    void ended(EndReason reason) {
        status = Status.ENDED;
        endedReason = reason;
        endedAt = Instant.now();
    }

    void recording(boolean on) {
        recording = on;
    }

    void audienceOpen(boolean open) {
        audienceOpen = open;
    }

    /** The publisher whose video the host pinned to the stage; null: the newest video is shown. */
    public UUID stageVideo() {
        return stageVideo;
    }

    /** Grows each time the viewer workers were rebuilt for a new stage. */
    public int stageVersion() {
        return stageVersion;
    }

    public boolean audienceOpen() {
        return audienceOpen;
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public UUID webinarId() {
        return webinarId;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public String streamKeyHash() {
        return streamKeyHash;
    }

    public String streamKeyHint() {
        return streamKeyHint;
    }

    public int publisherLimit() {
        return publisherLimit;
    }

    public Status status() {
        return status;
    }

    public EndReason endedReason() {
        return endedReason;
    }

    public boolean recording() {
        return recording;
    }

    public String workerId() {
        return workerId;
    }

    public String workerNode() {
        return workerNode;
    }

    public String workerRegion() {
        return workerRegion;
    }

    public Instant wentLiveAt() {
        return wentLiveAt;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
