package eu.plenum.shared;

import java.time.Instant;

/**
 * One category of data that retention removes on schedule (unconfirmed registrations, sent mail
 * bodies, chat, attendance, …). Each context that keeps such data provides a bean; the compliance
 * context's retention job decides the cut-off per tenant from its rules and asks each bean to remove
 * what is older. Declared here so that no context has to depend on compliance.
 */
public interface RetainedData {

    /** Stable name of the category, e.g. {@code chat-messages}; the key of its retention rule. */
    String category();

    /** How many items of the tenant are due: older than the cut-off by this category's own clock. */
    long countDue(String tenantId, Instant cutOff);

    /**
     * Removes (or anonymises) at most {@code limit} due items of the tenant in the caller's
     * transaction and returns how many it removed; items locked by another node are skipped, so two
     * nodes running retention at once never remove an item twice.
     */
    int removeDue(String tenantId, Instant cutOff, int limit);
}
