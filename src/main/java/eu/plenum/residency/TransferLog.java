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
}
