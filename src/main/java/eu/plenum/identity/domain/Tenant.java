package eu.plenum.identity.domain;

import eu.plenum.identity.TenantRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An organisation that hosts webinars; its home region decides where its personal data lives. */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    @Column(length = 63)
    private String id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "home_region_code", nullable = false, length = 32)
    private String homeRegionCode;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    /** Set while an operator has suspended the tenant (V048); null when active. */
    @Column(name = "suspended_at")
    private OffsetDateTime suspendedAt;

    @Column(name = "suspension_reason", length = 32)
    private String suspensionReason;

    protected Tenant() {
    }

    public Tenant(String id, String name, String homeRegionCode) {
        this.id = id;
        this.name = name;
        this.homeRegionCode = homeRegionCode;
    }

    public String id() {
        return id;
    }

    /** Only {@code TenantHomeRegionMigration} calls this, after the transfer guard allowed it. */
    public void moveHomeTo(String regionCode) {
        this.homeRegionCode = regionCode;
    }

    public boolean suspended() {
        return suspendedAt != null;
    }

    /** Only {@code TenantSuspensions} calls this; nothing of the tenant is deleted. */
    public void suspend(String reason, OffsetDateTime at) {
        this.suspensionReason = reason;
        this.suspendedAt = at;
    }

    public void reactivate() {
        this.suspensionReason = null;
        this.suspendedAt = null;
    }

    public TenantRef toRef() {
        return new TenantRef(id, name, homeRegionCode, suspensionReason);
    }
}
