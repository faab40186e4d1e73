package eu.plenum.webhooks.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A receiver of one tenant's events, with the region its operator declared for it, the event types
 * it subscribed to, and its signing secret — only sealed (see {@code webhooks.EndpointSecrets}); the
 * former clear {@code signing_key} column is emptied at start-up (V035).
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false, length = 63)
    private String tenantId;

    @Column(nullable = false, length = 2000)
    private String url;

    @Column(name = "region_code", nullable = false, length = 32)
    private String regionCode;

    @Column(length = 200)
    private String description;

    @Column(name = "secret_sealed", length = 300)
    private String secretSealed;

    @Column(name = "previous_secret_sealed", length = 300)
    private String previousSecretSealed;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    /** Subscribed event types, comma-separated (e.g. {@code registration.created,session.live}). */
    @Column(nullable = false, length = 500)
    private String events;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected WebhookEndpoint() {
    }

    public WebhookEndpoint(String tenantId, URI url, String regionCode, String description, List<String> events) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.url = url.toString();
        this.regionCode = regionCode;
        this.description = description;
        this.events = String.join(",", events);
        this.createdAt = OffsetDateTime.now();
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public URI url() {
        return URI.create(url);
    }

    public String regionCode() {
        return regionCode;
    }

    public String description() {
        return description;
    }

    public List<String> events() {
        return events.isEmpty() ? List.of() : Arrays.asList(events.split(","));
    }

    public void subscribe(List<String> eventTypes) {
        this.events = String.join(",", eventTypes);
    }

    public String secretSealed() {
        return secretSealed;
    }

    public String previousSecretSealed() {
        return previousSecretSealed;
    }

    public Instant previousSecretUntil() {
        return previousSecretUntil;
    }

    /** Sets the first secret (sealed). */
    public void secret(String sealed) {
        this.secretSealed = sealed;
    }

    /** A new secret; the current one keeps signing alongside it until {@code previousUntil}. */
    public void rotate(String sealed, String previousSealed, Instant previousUntil) {
        this.previousSecretSealed = previousSealed;
        this.previousSecretUntil = previousUntil;
        this.secretSealed = sealed;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
