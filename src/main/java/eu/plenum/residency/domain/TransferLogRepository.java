package eu.plenum.residency.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The transfer log: append and read, nothing else. */
@ApplicationScoped
public class TransferLogRepository implements PanacheRepository<TransferLogEntry> {

    public List<TransferLogEntry> latest(String tenantId, int limit) {
        Sort newestFirst = Sort.descending("id");
        return (tenantId == null ? findAll(newestFirst) : find("tenantId", newestFirst, tenantId))
                .page(Page.ofSize(limit)).list();
    }
}
