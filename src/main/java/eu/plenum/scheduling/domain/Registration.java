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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An attendee's registration for a webinar: who, their answers and consents, and the versions of
 * their personal links (the links themselves are derived from these, never stored).
 */
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

    @Column(name = "confirm_version", nullable = false)
    private int confirmVersion;

    @Column(name = "confirm_expires_at", nullable = false)
    private OffsetDateTime confirmExpiresAt;

    @Column(name = "join_version", nullable = false)
    private int joinVersion;

    @Column(name = "mail_day")
    private LocalDate mailDay;

    @Column(name = "mails_on_day", nullable = false)
    private int mailsOnDay;

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

    /** Consents (privacy notice, recording) are consent records of the consent context, not fields here. */
    public Registration(Webinar webinar, String name, String email, String emailNormalized, Map<UUID, String> answers, Instant now) {
        this.id = UUID.randomUUID();
        this.webinarId = webinar.id();
        this.tenantId = webinar.tenantId();
        this.name = name;
        this.email = email;
        this.emailNormalized = emailNormalized;
        this.status = RegistrationStatus.UNCONFIRMED;
        this.privacyAcknowledgedAt = now.atOffset(ZoneOffset.UTC);
        this.answers.putAll(answers);
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    /** A new confirmation link (the version its token is derived from is raised); the previous one stops working. */
    public void newConfirmation(Instant expiresAt) {
        this.confirmVersion++;
        this.confirmExpiresAt = expiresAt.atOffset(ZoneOffset.UTC);
    }

    public int confirmVersion() {
        return confirmVersion;
    }

    public int joinVersion() {
        return joinVersion;
    }

    /**
     * Counts one mail that a public request for this address triggers; false when {@code max}
     * were sent on {@code today} already (a stranger must not turn registration into a mail cannon).
     */
    public boolean takeMailAllowance(LocalDate today, int max) {
        if (!today.equals(mailDay)) {
            mailDay = today;
            mailsOnDay = 0;
        }
        if (mailsOnDay >= max) {
            return false;
        }
        mailsOnDay++;
        return true;
    }

    /** How many mails public requests triggered today (the last counted one included). */
    public int mailsToday() {
        return mailsOnDay;
    }

    /** The join link works: a seat is held and the host did not revoke it. */
    public boolean joinLinkWorks() {
        return status == RegistrationStatus.REGISTERED && !joinRevoked;
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

    /**
     * A seat was granted (by confirmation, approval or the wait list): a new personal join link,
     * the previous one (if any) stops working. Never called for a repeated registration, so a
     * stranger can neither end a working link nor lift a host's revocation.
     */
    public void newJoinLink() {
        this.joinVersion++;
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

    public boolean joinRevoked() {
        return joinRevoked;
    }

    public Map<UUID, String> answers() {
        return Map.copyOf(answers);
    }
}
