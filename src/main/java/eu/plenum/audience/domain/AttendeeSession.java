package eu.plenum.audience.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One device of one registration, admitted from the lobby; see V025__audience_attendee_session.sql. */
@Entity
@Table(name = "attendee_session")
public class AttendeeSession {

    public enum EndReason { REVOKED, OTHER_DEVICE, LEFT }

    @Id
    private UUID id;
    @Column(name = "registration_id", nullable = false, updatable = false)
    private UUID registrationId;
    @Column(name = "webinar_id", nullable = false, updatable = false)
    private UUID webinarId;
    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;
    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "ended_reason", length = 16)
    private EndReason endedReason;

    protected AttendeeSession() {
    }

    public AttendeeSession(UUID registrationId, UUID webinarId, String tokenHash, Instant now) {
        this.id = UUID.randomUUID();
        this.registrationId = registrationId;
        this.webinarId = webinarId;
        this.tokenHash = tokenHash;
        this.startedAt = now;
    }

    public void end(EndReason reason, Instant now) {
        if (endedAt == null) {
            endedAt = now;
            endedReason = reason;
        }
    }

    public boolean active() {
        return endedAt == null;
    }

    public UUID id() {
        return id;
    }

    public UUID registrationId() {
        return registrationId;
    }

    public UUID webinarId() {
        return webinarId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public EndReason endedReason() {
        return endedReason;
    }
}
