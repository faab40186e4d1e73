package eu.plenum.compliance;

import java.time.Instant;
import java.util.UUID;

/**
 * One request in an officer's queue: whose, what, how far the export got and until when it must be
 * answered (one month, Art. 12(3)). {@code email} is null once the request is closed.
 */
public record SubjectRequestView(UUID id, String tenantId, String kind, String email, String state, String source,
        Instant createdAt, Instant deadline, int categoriesDone, int categoriesTotal, Instant completedAt,
        Instant downloadableUntil, String failure) {

    /** Percent of the export's categories written, for the progress bar. */
    public int percentDone() {
        return categoriesTotal == 0 ? 0 : Math.min(100, categoriesDone * 100 / categoriesTotal);
    }

    /** The bar's maximum: the total once known, else 1 (an empty bar). */
    public int progressMax() {
        return Math.max(1, categoriesTotal);
    }

    public boolean downloadable() {
        return "EXPORTED".equals(state);
    }

    public boolean exportable() {
        return "ACCESS".equals(kind) && ("OPEN".equals(state) || "FAILED".equals(state));
    }

    public boolean running() {
        return "QUEUED".equals(state) || "EXPORTING".equals(state);
    }
}
