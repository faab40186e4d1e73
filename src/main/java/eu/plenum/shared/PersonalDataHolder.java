package eu.plenum.shared;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one context holds about one person, found, exported and erased per person (GDPR Art. 15, 17
 * and 20). Every context that stores personal data provides one bean of this type per category; the
 * compliance context discovers them all. Declared here, not in {@code compliance}, so that a context
 * that compliance reads (scheduling, liveroom) can implement it without a dependency cycle.
 */
public interface PersonalDataHolder {

    /**
     * The person as the contexts know them: the tenant whose data is asked for, the normalised
     * (trimmed, lower-case) e-mail address, and the person's registrations in that tenant — the
     * key by which attendee-side data (sessions, chat, questions, votes, attendance) is found.
     */
    record DataSubject(String tenantId, String email, Set<UUID> registrationIds) {

        public DataSubject {
            registrationIds = Set.copyOf(registrationIds);
        }
    }

    /** Stable name of the category, e.g. {@code chat-messages}; also the file name in an export. */
    String category();

    /** Every item of this category about the subject, each a flat map of field to value, oldest first. */
    List<Map<String, Object>> export(DataSubject subject);

    /**
     * Removes or irreversibly anonymises the subject's items in the caller's transaction (what must
     * stay for others, such as a question other attendees upvoted, keeps no trace of the person);
     * returns how many items it touched.
     */
    int erase(DataSubject subject);
}
