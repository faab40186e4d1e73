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

    /**
     * One category of personal data in one place. {@code regionDeclaredBy} says whose word the region
     * is: the operator's ({@value #DECLARED_BY_OPERATOR}, the node's residency configuration, checked
     * at start-up) or the tenant's ({@value #DECLARED_BY_TENANT}, e.g. a webhook or export receiver:
     * Plenum checks where it sends data, not where the receiver runs).
     */
    public record Line(String category, String place, String placeKind, RegionView region, String legalBasis,
            String regionDeclaredBy) {

        public Line(String category, String place, String placeKind, RegionView region, String legalBasis) {
            this(category, place, placeKind, region, legalBasis, DECLARED_BY_OPERATOR);
        }
    }

    public static final String DECLARED_BY_OPERATOR = "operator";
    public static final String DECLARED_BY_TENANT = "tenant";

    /** A region as an auditor reads it. */
    public record RegionView(String code, String city, String country, Jurisdiction jurisdiction, String adequacyDecision) {

        public static RegionView of(Region region) {
            return new RegionView(region.code(), region.city(), region.country(), region.jurisdiction(), region.adequacyDecision());
        }
    }
}
