package eu.plenum.webhooks.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A receiver of one tenant's events, with the region its operator declared for it. */
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

    @Column(name = "signing_key", nullable = false, length = 64, updatable = false)
    private String signingKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected WebhookEndpoint() {
    }

    public WebhookEndpoint(String tenantId, URI url, String regionCode, String description, String signingKey) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.url = url.toString();
        this.regionCode = regionCode;
        this.description = description;
        this.signingKey = signingKey;
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

    public String signingKey() {
        return signingKey;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
