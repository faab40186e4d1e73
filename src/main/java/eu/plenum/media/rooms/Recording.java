package eu.plenum.media.rooms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One recording file in the catalogue: a publisher's tracks for one recording period. */
@Entity
@Table(name = "recording")
public class Recording {

    /**
     * EMPTY: the recording ended before any media arrived; there is no file. ERASED: erased with its
     * publisher (GDPR Art. 17); its files are deleted at every storage place.
     */
    public enum Status { RECORDING, COMPLETE, INTERRUPTED, EMPTY, ERASED }

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "room_id", nullable = false, updatable = false)
    private UUID roomId;
    @Column(name = "session_id", nullable = false, updatable = false)
    private UUID sessionId;
    @Column(name = "publisher_id", nullable = false, updatable = false)
    private UUID publisherId;
    @Column(nullable = false)
    private String tracks;
    @Column(nullable = false)
    private String container;
    @Column(name = "storage_place", nullable = false)
    private String storagePlace;
    @Column(name = "storage_region", nullable = false)
    private String storageRegion;
    @Column(name = "file_path", nullable = false)
    private String filePath;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "size_bytes")
    private Long sizeBytes;
    @Column(name = "duration_ms")
    private Long durationMs;
    @Column
    private String sha256;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @jakarta.persistence.Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "erased_for")
    private String erasedFor;
    @Column(name = "erasure_review_since")
    private Instant erasureReviewSince;
    /** The app node whose worker wrote the file: where it sits in the spool until its upload is verified. */
    @Column(name = "spool_node", updatable = false)
    private String spoolNode;

    protected Recording() {
    }

    Recording(LiveRoom room, UUID publisherId, String tracks, String container, String storagePlace, String storageRegion, String filePath) {
        this.id = UUID.randomUUID();
        this.tenantId = room.tenantId();
        this.roomId = room.id();
        this.sessionId = room.sessionId();
        this.publisherId = publisherId;
        this.tracks = tracks;
        this.container = container;
        this.storagePlace = storagePlace;
        this.storageRegion = storageRegion;
        this.filePath = filePath;
        this.spoolNode = room.workerNode();
        this.status = Status.RECORDING;
        this.startedAt = Instant.now();
    }

    void finished(Status status, RecordingFacts facts) {
        if (this.status == Status.ERASED) {
            this.endedAt = Instant.now(); // erased while it was written: its files are being deleted
            return;
        }
        this.status = status;
        this.sizeBytes = facts.sizeBytes();
        this.durationMs = facts.durationMs();
        this.sha256 = facts.sha256();
        this.endedAt = Instant.now();
    }

    /** Publishes a finished recording to attendees (again: no change), or takes it back. */
    void published(boolean published) {
        if (published && (status == Status.RECORDING || status == Status.EMPTY || status == Status.ERASED)) {
            throw new eu.plenum.media.MediaException(409, "recording-not-publishable",
                    status == Status.EMPTY ? "This recording holds no media." : status == Status.ERASED
                    ? "This recording was erased with its publisher." : "This recording is still being written.");
        }
        if (published && erasureReviewSince != null) {
            throw new eu.plenum.media.MediaException(409, "recording-under-erasure-review",
                    "The publisher of this recording was erased; the recording stays unpublished until the tenant decides.");
        }
        publishedAt = published ? (publishedAt == null ? Instant.now() : publishedAt) : null;
    }

    /** Erased with its publisher, whose keyed hash it keeps: taken back from attendees, its files go. */
    void erased(String subjectKey) {
        status = Status.ERASED;
        erasedFor = subjectKey;
        erasureReviewSince = null;
        publishedAt = null;
    }

    /** Its publisher was erased and the tenant reviews such recordings: kept, but taken back from attendees. */
    void heldForReview(String subjectKey) {
        erasedFor = subjectKey;
        erasureReviewSince = Instant.now();
        publishedAt = null;
    }

    public String erasedFor() {
        return erasedFor;
    }

    public Instant erasureReviewSince() {
        return erasureReviewSince;
    }

    /** The node that wrote the file (and holds it in its spool until uploaded); null for older recordings. */
    public String spoolNode() {
        return spoolNode;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public UUID roomId() {
        return roomId;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public UUID publisherId() {
        return publisherId;
    }

    public String tracks() {
        return tracks;
    }

    public String container() {
        return container;
    }

    public String storagePlace() {
        return storagePlace;
    }

    public String storageRegion() {
        return storageRegion;
    }

    public String filePath() {
        return filePath;
    }

    public Status status() {
        return status;
    }

    public Long sizeBytes() {
        return sizeBytes;
    }

    public Long durationMs() {
        return durationMs;
    }

    public String sha256() {
        return sha256;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
