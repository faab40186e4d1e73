package eu.plenum.quotas.domain;

import eu.plenum.quotas.Quota;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/** One tenant's quota overrides; a null column falls back to the configured default. */
@Entity
@Table(name = "tenant_quota")
public class TenantQuota {

    @Id
    @Column(name = "tenant_id", length = 63)
    private String tenantId;
    @Column(name = "live_rooms")
    private Long liveRooms;
    @Column(name = "webrtc_viewers_per_room")
    private Long webrtcViewersPerRoom;
    @Column(name = "recording_bytes")
    private Long recordingBytes;
    @Column(name = "registrations_per_webinar")
    private Long registrationsPerWebinar;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected TenantQuota() {
    }

    public TenantQuota(String tenantId) {
        this.tenantId = tenantId;
    }

    public OptionalLong override(Quota quota) {
        Long value = switch (quota) {
            case LIVE_ROOMS -> liveRooms;
            case WEBRTC_VIEWERS_PER_ROOM -> webrtcViewersPerRoom;
            case RECORDING_BYTES -> recordingBytes;
            case REGISTRATIONS_PER_WEBINAR -> registrationsPerWebinar;
        };
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** Sets or (with null) clears one override. */
    public void set(Quota quota, Long value, OffsetDateTime now) {
        switch (quota) {
            case LIVE_ROOMS -> liveRooms = value;
            case WEBRTC_VIEWERS_PER_ROOM -> webrtcViewersPerRoom = value;
            case RECORDING_BYTES -> recordingBytes = value;
            case REGISTRATIONS_PER_WEBINAR -> registrationsPerWebinar = value;
        }
        updatedAt = now;
    }

    public Map<Quota, Long> overrides() {
        Map<Quota, Long> all = new EnumMap<>(Quota.class);
        for (Quota quota : Quota.values()) {
            override(quota).ifPresent(value -> all.put(quota, value));
        }
        return all;
    }
}
