package eu.plenum.mail.domain;

import eu.plenum.mail.OutgoingMail;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A queued mail: PENDING, SENDING under a claim, SENT (kept with its send time until retention
 * removes it) or DEAD. Bodies hold personal links only as placeholders (see LinkTokens).
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

    @Id
    private UUID id;

    @Column(name = "tenant_id", length = 63)
    private String tenantId;

    @Column(name = "dedupe_key", nullable = false, length = 200)
    private String dedupeKey;

    @Column(nullable = false, length = 254)
    private String recipient;

    @Column(nullable = false, length = 300)
    private String subject;

    @Column(name = "body_text", nullable = false)
    private String bodyText;

    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Column
    private String calendar;

    @Column(name = "calendar_method", length = 8)
    private String calendarMethod;

    @Column(name = "send_after", nullable = false)
    private OffsetDateTime sendAfter;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(nullable = false)
    private int attempts;

    @Column(nullable = false, length = 8)
    private String status = "PENDING";

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected OutboxMail() {
    }

    public OutboxMail(OutgoingMail mail) {
        this.id = UUID.randomUUID();
        this.tenantId = mail.tenantId();
        this.dedupeKey = mail.dedupeKey();
        this.recipient = mail.recipient();
        this.subject = mail.subject();
        this.bodyText = mail.bodyText();
        this.bodyHtml = mail.bodyHtml();
        this.calendar = mail.calendar();
        this.calendarMethod = mail.calendarMethod();
        this.sendAfter = mail.sendAfter().atOffset(ZoneOffset.UTC);
        this.createdAt = OffsetDateTime.now();
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String bodyText() {
        return bodyText;
    }

    public String bodyHtml() {
        return bodyHtml;
    }

    public String calendar() {
        return calendar;
    }

    public String calendarMethod() {
        return calendarMethod;
    }

    public OffsetDateTime sendAfterUtc() {
        return sendAfter;
    }

    public int attempts() {
        return attempts;
    }
}
