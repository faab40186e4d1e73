package eu.plenum.residency.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** An operator's explicit allowance for one tenant's personal data in one adequate region. */
@Entity
@Table(name = "tenant_region_allowance")
public class TenantRegionAllowance {

    @EmbeddedId
    private Key key;

    @Column(name = "legal_basis", nullable = false, length = 300)
    private String legalBasis;

    @Column(name = "granted_by", nullable = false, length = 120)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false)
    private OffsetDateTime grantedAt;

    protected TenantRegionAllowance() {
    }

    public TenantRegionAllowance(String tenantId, String regionCode, String legalBasis, String grantedBy) {
        this.key = new Key(tenantId, regionCode);
        this.legalBasis = legalBasis;
        this.grantedBy = grantedBy;
        this.grantedAt = OffsetDateTime.now();
    }

    public String regionCode() {
        return key.regionCode;
    }

    public String legalBasis() {
        return legalBasis;
    }

    public String grantedBy() {
        return grantedBy;
    }

    public OffsetDateTime grantedAt() {
        return grantedAt;
    }

    /** Tenant and region. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "tenant_id", length = 63)
        String tenantId;

        @Column(name = "region_code", length = 32)
        String regionCode;

        protected Key() {
        }

        public Key(String tenantId, String regionCode) {
            this.tenantId = tenantId;
            this.regionCode = regionCode;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.tenantId.equals(tenantId) && key.regionCode.equals(regionCode);
        }

        @Override
        public int hashCode() {
            return tenantId.hashCode() * 31 + regionCode.hashCode();
        }
    }
}
