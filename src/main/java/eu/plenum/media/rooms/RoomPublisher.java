package eu.plenum.media.rooms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One WHIP publishing session of a room (the resource the Location header names). */
@Entity
@Table(name = "room_publisher")
public class RoomPublisher {

    @Id
    private UUID id;
    @Column(name = "room_id", nullable = false, updatable = false)
    private UUID roomId;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "has_video", nullable = false)
    private boolean hasVideo;
    @Column(name = "has_audio", nullable = false)
    private boolean hasAudio;
    @Column(name = "video_codec")
    private String videoCodec;
    @Column(name = "audio_codec")
    private String audioCodec;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    /** The publisher's keyed address hash ({@code shared.SubjectKeys}) when the credential named a person. */
    @Column(name = "subject_key")
    private String subjectKey;

    protected RoomPublisher() {
    }

    RoomPublisher(UUID id, LiveRoom room, String videoCodec, String audioCodec, String subjectKey) {
        this.id = id;
        this.subjectKey = subjectKey;
        this.roomId = room.id();
        this.tenantId = room.tenantId();
        this.hasVideo = videoCodec != null;
        this.hasAudio = audioCodec != null;
        this.videoCodec = videoCodec;
        this.audioCodec = audioCodec;
        this.startedAt = Instant.now();
    }

    void ended() {
        if (endedAt == null) {
            endedAt = Instant.now();
        }
    }

    public UUID id() {
        return id;
    }

    public UUID roomId() {
        return roomId;
    }

    public boolean active() {
        return endedAt == null;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String tracks() {
        return (hasVideo ? "video/" + videoCodec : "") + (hasVideo && hasAudio ? "," : "") + (hasAudio ? "audio/" + audioCodec : "");
    }
}
