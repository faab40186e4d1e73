package eu.plenum.residency;

import java.time.OffsetDateTime;

/** One transfer-log row as reports and the API show it. */
public record TransferRecord(
        long id,
        OffsetDateTime occurredAt,
        String nodeId,
        String nodeRegion,
        String tenantId,
        String category,
        String purpose,
        String fromRegion,
        String destination,
        String toRegion,
        String legalBasis,
        String outcome,
        String reason) {
}
