package eu.plenum.scheduling.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** An attendee's registration for a webinar: who, their answers and consents, and their tokens (hashed). */
@Entity
@Table(name = "registration")
public class Registration {

    @Id
    private UUID id;

    @Column(name = "webinar_id", nullable = false, updatable = false)
    private UUID webinarId;

    @Column(name = "tenant_id", nullable = false, updatable = false, length = 63)
    private String tenantId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "email_normalized", nullable = false, length = 254)
    private String emailNormalized;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RegistrationStatus status;

    @Column(name = "privacy_acknowledged_at", nullable = false)
    private OffsetDateTime privacyAcknowledgedAt;

    @Column(name = "recording_consent", nullable = false)
    private boolean recordingConsent;

    @Column(name = "confirm_token_hash", nullable = false, length = 64)
    private String confirmTokenHash;

    @Column(name = "confirm_expires_at", nullable = false)
    private OffsetDateTime confirmExpiresAt;

    @Column(name = "join_token_hash", length = 64)
    private String joinTokenHash;

    @Column(name = "join_revoked", nullable = false)
    private boolean joinRevoked;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;

    @ElementCollection
    @CollectionTable(name = "registration_answer", joinColumns = @JoinColumn(name = "registration_id"))
    @MapKeyColumn(name = "question_id")
    @Column(name = "answer", length = 2000)
    private Map<UUID, String> answers = new HashMap<>();

    protected Registration() {
    }

    public Registration(Webinar webinar, String name, String email, String emailNormalized, boolean recordingConsent,
            Map<UUID, String> answers, Instant now) {
        this.id = UUID.randomUUID();
        this.webinarId = webinar.id();
        this.tenantId = webinar.tenantId();
        this.name = name;
        this.email = email;
        this.emailNormalized = emailNormalized;
        this.status = RegistrationStatus.UNCONFIRMED;
        this.privacyAcknowledgedAt = now.atOffset(ZoneOffset.UTC);
        this.recordingConsent = recordingConsent;
        this.answers.putAll(answers);
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    /** A new confirmation link; the previous one stops working. */
    public void newConfirmation(String tokenHash, Instant expiresAt) {
        this.confirmTokenHash = tokenHash;
        this.confirmExpiresAt = expiresAt.atOffset(ZoneOffset.UTC);
    }

    public boolean confirmationExpired(Instant now) {
        return confirmExpiresAt.toInstant().isBefore(now);
    }

    /** The double opt-in happened; the outcome depends on mode and seats. */
    public void confirmed(RegistrationStatus outcome, Instant now) {
        this.status = outcome;
        this.confirmedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** The host's or the registrant's decision after confirmation (approve, deny, cancel, wait). */
    public void decided(RegistrationStatus outcome) {
        this.status = outcome;
        if (outcome != RegistrationStatus.REGISTERED) {
            this.joinRevoked = true;
        }
    }

    /** The host stops this join link from working; a new one is issued only by registering again. */
    public void revokeJoinLink() {
        this.joinRevoked = true;
    }

    /** When the double opt-in happened, or null before. */
    public Instant confirmedAt() {
        return confirmedAt == null ? null : confirmedAt.toInstant();
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** A new personal join link; the previous one stops working. */
    public void newJoinLink(String tokenHash) {
        this.joinTokenHash = tokenHash;
        this.joinRevoked = false;
    }

    public UUID id() {
        return id;
    }

    public UUID webinarId() {
        return webinarId;
    }

    public String tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public RegistrationStatus status() {
        return status;
    }

    public boolean recordingConsent() {
        return recordingConsent;
    }

    public boolean joinRevoked() {
        return joinRevoked;
    }

    public Map<UUID, String> answers() {
        return Map.copyOf(answers);
    }
}
