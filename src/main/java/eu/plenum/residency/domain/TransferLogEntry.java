package eu.plenum.residency.domain;

import eu.plenum.residency.PersonalDataTransfer;
import eu.plenum.residency.ResidencyPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One row of the append-only transfer log; written once, never changed. */
@Entity
@Table(name = "transfer_log")
public class TransferLogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "node_id", nullable = false, updatable = false, length = 120)
    private String nodeId;

    @Column(name = "node_region", nullable = false, updatable = false, length = 32)
    private String nodeRegion;

    @Column(name = "tenant_id", updatable = false, length = 63)
    private String tenantId;

    @Column(nullable = false, updatable = false, length = 60)
    private String category;

    @Column(nullable = false, updatable = false, length = 200)
    private String purpose;

    @Column(name = "from_region", nullable = false, updatable = false, length = 32)
    private String fromRegion;

    @Column(nullable = false, updatable = false, length = 200)
    private String destination;

    @Column(name = "to_region", updatable = false, length = 32)
    private String toRegion;

    @Column(name = "legal_basis", updatable = false, length = 300)
    private String legalBasis;

    @Column(nullable = false, updatable = false, length = 8)
    private String outcome;

    @Column(updatable = false, length = 600)
    private String reason;

    protected TransferLogEntry() {
    }

    public TransferLogEntry(String nodeId, String nodeRegion, PersonalDataTransfer transfer, ResidencyPolicy.Decision decision) {
        this.occurredAt = OffsetDateTime.now();
        this.nodeId = nodeId;
        this.nodeRegion = nodeRegion;
        this.tenantId = transfer.tenantId();
        this.category = transfer.category();
        this.purpose = transfer.purpose();
        this.fromRegion = nodeRegion;
        this.destination = transfer.destination();
        this.toRegion = transfer.toRegion();
        this.legalBasis = decision.legalBasis();
        this.outcome = decision.allowed() ? "ALLOWED" : "REFUSED";
        this.reason = decision.reason();
    }

    public eu.plenum.residency.TransferRecord toRecord() {
        return new eu.plenum.residency.TransferRecord(id, occurredAt, nodeId, nodeRegion, tenantId, category, purpose,
                fromRegion, destination, toRegion, legalBasis, outcome, reason);
    }
}
