package eu.plenum.scheduling.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A host's private calendar feed, found by the hash of the token in its URL. */
@Entity
@Table(name = "host_calendar_feed")
public class CalendarFeed {

    @Id
    @Column(name = "user_id", length = 120)
    private String userId;

    @Column(name = "tenant_id", nullable = false, length = 63)
    private String tenantId;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected CalendarFeed() {
    }

    public CalendarFeed(String userId, String tenantId, String tokenHash) {
        this.userId = userId;
        this.tenantId = tenantId;
        rotate(tokenHash);
    }

    public void rotate(String newTokenHash) {
        this.tokenHash = newTokenHash;
        this.createdAt = OffsetDateTime.now();
    }

    public String userId() {
        return userId;
    }

    public String tenantId() {
        return tenantId;
    }
}
