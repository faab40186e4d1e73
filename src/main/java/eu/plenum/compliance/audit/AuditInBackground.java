package eu.plenum.compliance.audit;

import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Records entries seen on the event loop (a refused request, a sign-in) off it, each in its own
 * transaction: the event loop must not wait for the database, and the request's own work may have
 * failed.
 */
@ApplicationScoped
class AuditInBackground {

    private static final Logger LOG = Logger.getLogger(AuditInBackground.class);

    private final AuditTrail trail;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "audit-writer");
        thread.setDaemon(true);
        return thread;
    });

    AuditInBackground(AuditTrail trail) {
        this.trail = trail;
    }

    void record(AuditEntry entry) {
        writer.execute(() -> {
            try {
                trail.recordAlone(entry);
            } catch (RuntimeException e) {
                LOG.errorf("ALERT: audit entry %s could not be recorded: %s", entry.action(), e.getClass().getSimpleName());
            }
        });
    }

    @PreDestroy
    void stop() {
        writer.shutdown();
    }
}
