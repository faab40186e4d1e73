package eu.plenum.media.rooms;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A recording's file at one storage place (site): mirrored as it grows, still to copy whole,
 * present and verified, or failing.
 */
@Entity
@Table(name = "recording_copy")
public class RecordingCopy {

    /**
     * GROWING: a backup of a recording still being written, {@code sizeBytes} copied so far.
     * DELETING: the recording was erased, the file at this place is still to delete; DELETED: done,
     * with the SHA-256 and size of the file removed (null when there was none).
     */
    public enum Status { GROWING, PENDING, VERIFIED, FAILED, DELETING, DELETED }

    @Embeddable
    public record Key(@Column(name = "recording_id") UUID recordingId, @Column(name = "place") String place) implements Serializable {
    }

    @EmbeddedId
    private Key key;
    @Column(nullable = false)
    private String region;
    @Column(nullable = false)
    private boolean backup;

    private static final java.time.Duration MAX_RETRY_PAUSE = java.time.Duration.ofMinutes(10);
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column
    private String sha256;
    @Column(name = "size_bytes")
    private Long sizeBytes;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;
    @Column(name = "verified_at")
    private Instant verifiedAt;
    @Column(name = "claim_token")
    private UUID claimToken;
    @Column(name = "claimed_until")
    private Instant claimedUntil;
    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected RecordingCopy() {
    }

    RecordingCopy(UUID recordingId, String place, String region, boolean backup) {
        this.key = new Key(recordingId, place);
        this.region = region;
        this.backup = backup;
        this.status = Status.PENDING;
        this.requestedAt = Instant.now();
    }

    /** A backup that follows a recording while it is written. */
    static RecordingCopy growing(UUID recordingId, String place, String region) {
        RecordingCopy copy = new RecordingCopy(recordingId, place, region, true);
        copy.status = Status.GROWING;
        copy.sizeBytes = 0L;
        return copy;
    }

    /** Claims the copy for one node until {@code until}; the returned token must come back with the outcome. */
    UUID claim(Instant until) {
        claimToken = UUID.randomUUID();
        claimedUntil = until;
        return claimToken;
    }

    /** Whether the claim {@code token} still holds (it was not taken over after its lease ran out). */
    boolean claimedBy(UUID token) {
        return token.equals(claimToken);
    }

    /** Until when no node may claim the copy: a claim's lease, or a failure's pause. */
    Instant claimedUntil() {
        return claimedUntil;
    }

    void release() {
        claimToken = null;
        claimedUntil = null;
    }

    void grew(long copiedBytes) {
        if (erasing()) {
            return;
        }
        this.sizeBytes = copiedBytes;
    }

    /** The recording ended: the mirror is made whole and verified next (the copy lag counts from now). */
    void recordingEnded() {
        if (status == Status.GROWING) {
            status = Status.PENDING;
            requestedAt = Instant.now();
        }
    }

    /** Refused before a byte moved (e.g. by the transfer guard): no retry makes it allowed. */
    void refused(String reason) {
        if (erasing()) {
            return;
        }
        status = Status.FAILED;
        lastError = reason == null || reason.length() <= 300 ? reason : reason.substring(0, 300);
    }

    void verified(String sha256, long sizeBytes) {
        if (erasing()) {
            return; // a copy that finished after its recording was erased: the deletion removes it
        }
        this.status = Status.VERIFIED;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.verifiedAt = Instant.now();
        this.lastError = null;
    }

    /**
     * A failed attempt, tried again after a doubling pause (2 s, 4 s, … at most 10 min) so that a store's short outage
     * does not use up the attempts in seconds. A backup copy is FAILED after five and needs an operator; the home
     * upload never gives up, because the spool file it reads is the recording's only copy.
     */
    void failed(String error, Instant now) {
        if (erasing()) {
            return;
        }
        attempts++;
        lastError = error == null || error.length() <= 300 ? error : error.substring(0, 300);
        if (backup && attempts >= 5) {
            status = Status.FAILED;
            return;
        }
        claimToken = null;
        claimedUntil = now.plus(retryPause(attempts));
    }

    /** The pause after the {@code attempts}-th failure. */
    static java.time.Duration retryPause(int attempts) {
        java.time.Duration pause = java.time.Duration.ofSeconds(2L << Math.min(Math.max(attempts, 1) - 1, 16));
        return pause.compareTo(MAX_RETRY_PAUSE) > 0 ? MAX_RETRY_PAUSE : pause;
    }

    /**
     * The recording was erased: the file here is deleted by the copy job. A copy or mirror claimed
     * right now keeps its claim (its outcome no longer changes the row), so the deletion starts only
     * after it and removes what it wrote.
     */
    void markForDeletion() {
        if (!erasing()) {
            status = Status.DELETING;
            requestedAt = Instant.now();
            attempts = 0;
            lastError = null;
            if (claimToken == null) {
                claimedUntil = null; // a failed upload's pause must not hold up the erasure
            }
        }
    }

    /** The file at this place is gone: what it was (null, null when no file was there). */
    void deleted(String deletedSha256, Long deletedBytes) {
        status = Status.DELETED;
        sha256 = deletedSha256;
        sizeBytes = deletedBytes;
        deletedAt = Instant.now();
        lastError = null;
    }

    /** A deletion that failed (e.g. I/O error); it is retried on the next run, never given up. */
    void deletionFailed(String error) {
        attempts++;
        lastError = error == null || error.length() <= 300 ? error : error.substring(0, 300);
    }

    boolean erasing() {
        return status == Status.DELETING || status == Status.DELETED;
    }

    public Instant deletedAt() {
        return deletedAt;
    }

    public UUID recordingId() {
        return key.recordingId();
    }

    public String place() {
        return key.place();
    }

    public String region() {
        return region;
    }

    public boolean backup() {
        return backup;
    }

    public Status status() {
        return status;
    }

    public String sha256() {
        return sha256;
    }

    public Long sizeBytes() {
        return sizeBytes;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant verifiedAt() {
        return verifiedAt;
    }

    public String lastError() {
        return lastError;
    }
}
