package eu.plenum.compliance.erasure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An erasure and its receipt: what was erased (category, count), where (the database at this site,
 * each recording file at each storage place with the SHA-256 of what was deleted), when and by whom
 * (an account id). Holds no erased data: the person only as their keyed hash.
 */
public record ErasureReceipt(UUID id, String tenantId, String state, String subject, UUID requestId, String requestedBy,
        Instant requestedAt, Instant databaseErasedAt, Instant completedAt, List<Category> categories, List<File> files,
        List<String> erasedSubjectLists) {

    /** How many items of one category were erased, and where. */
    public record Category(String category, String location, int items) {
    }

    /** One recording file at one storage place. */
    public record File(UUID recordingId, String place, String region, boolean backup, String outcome, String sha256,
            Long sizeBytes, Instant doneAt) {
    }
}
