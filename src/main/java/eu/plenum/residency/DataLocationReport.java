package eu.plenum.residency;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where a tenant's personal data is: each category, the place that holds or receives it, and that
 * place's region, country and jurisdiction; for a webinar the media nodes and sites of each live
 * session; plus the transfers attempted for the tenant.
 */
public record DataLocationReport(
        String tenantId,
        String tenantName,
        RegionView homeRegion,
        OffsetDateTime generatedAt,
        List<Line> lines,
        List<MediaProcessing> mediaProcessing,
        List<TransferRecord> transfers) {

    /** A media worker that processed a live session: where, and when. Empty in tenant reports. */
    public record MediaProcessing(java.util.UUID sessionId, java.time.Instant from, java.time.Instant until, String node,
            String worker, RegionView region) {
    }

    /** One category of personal data in one place. */
    public record Line(String category, String place, String placeKind, RegionView region, String legalBasis) {
    }

    /** A region as an auditor reads it. */
    public record RegionView(String code, String city, String country, Jurisdiction jurisdiction, String adequacyDecision) {

        public static RegionView of(Region region) {
            return new RegionView(region.code(), region.city(), region.country(), region.jurisdiction(), region.adequacyDecision());
        }
    }
}
