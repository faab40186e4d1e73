package eu.plenum.residency;

import eu.plenum.residency.domain.TransferLogEntry;
import eu.plenum.residency.domain.TransferLogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads the append-only transfer log for reports and auditors. */
@ApplicationScoped
public class TransferLog {

    private final TransferLogRepository log;

    TransferLog(TransferLogRepository log) {
        this.log = log;
    }

    /** The newest entries first, for one tenant or (tenantId null) for all. */
    public List<TransferRecord> latest(String tenantId, int limit) {
        return log.latest(tenantId, Math.max(1, Math.min(limit, 1000))).stream().map(TransferLogEntry::toRecord).toList();
    }

    /** Transfers of one tenant (null: of no tenant) grouped by destination, region, category and outcome: for the Art. 30 register. */
    public record TransferSummary(String destination, String toRegion, String category, String outcome, long count,
            java.time.OffsetDateTime last) {
    }

    @jakarta.transaction.Transactional
    public List<TransferSummary> summary(String tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = log.getEntityManager().createNativeQuery("""
                SELECT destination, coalesce(to_region, ''), category, outcome, count(*), max(occurred_at) FROM transfer_log
                WHERE coalesce(tenant_id, '') = ?1 GROUP BY destination, coalesce(to_region, ''), category, outcome
                ORDER BY destination, category, outcome""").setParameter(1, tenantId == null ? "" : tenantId).getResultList();
        return rows.stream().map(row -> new TransferSummary((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                ((Number) row[4]).longValue(), last(row[5]))).toList();
    }

    /** Refused transfers on each of the last {@code days} days (UTC), oldest first: for the console's overview. */
    @jakarta.transaction.Transactional
    public List<Long> refusalsPerDay(int days) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = log.getEntityManager().createNativeQuery("""
                SELECT CAST(date_trunc('day', occurred_at AT TIME ZONE 'UTC') AS date), count(*) FROM transfer_log
                WHERE outcome = 'REFUSED' AND occurred_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
                      - CAST(?1 AS integer) * interval '1 day' + interval '1 day'
                GROUP BY 1""").setParameter(1, days).getResultList();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        java.util.Map<java.time.LocalDate, Long> byDay = new java.util.HashMap<>();
        rows.forEach(row -> byDay.put(day(row[0]), ((Number) row[1]).longValue()));
        return java.util.stream.IntStream.range(0, days).mapToObj(i -> byDay.getOrDefault(today.minusDays(days - 1L - i), 0L)).toList();
    }

    private static java.time.LocalDate day(Object value) {
        return value instanceof java.time.LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }

    private static java.time.OffsetDateTime last(Object value) {
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
