package eu.plenum.compliance;

import java.util.Map;

/**
 * How long each category of personal data is kept, as the Art. 15 summary states it: the defaults
 * issue 14 fixes, in one constant table until the retention rules (per tenant and category) replace
 * this class as the source of the text.
 */
public final class RetentionDefaults {

    public static final String BACKUPS = "Erased data can survive in database backups until the oldest backup that holds it "
            + "expires; erasures are re-applied on restore, before the restored data serves anyone.";

    private static final String SESSION_90_DAYS = "90 days after the session it belongs to.";

    private static final Map<String, String> RETENTION = Map.ofEntries(
            Map.entry("registrations", "Unconfirmed registrations: 7 days after registering. Confirmed registrations: as long as "
                    + "the organiser keeps the webinar, or until erased."),
            Map.entry("registration-answers", "With the registration they belong to."),
            Map.entry("consent-records", "With the registration they belong to, as proof of what was consented to."),
            Map.entry("attendee-sessions", "1 year after the session (attendance)."),
            Map.entry("attendance", "1 year after the session."),
            Map.entry("mails", "Bodies of sent mails: within a day after delivery; the delivery record with the registration."),
            Map.entry("webhook-deliveries", "2 years, like the transfer log: each delivery is a transfer to the organiser's systems."),
            Map.entry("live-events", "Chat and other live events: " + SESSION_90_DAYS),
            Map.entry("questions", "Questions (Q&A): " + SESSION_90_DAYS),
            Map.entry("question-upvotes", "Upvotes of questions: " + SESSION_90_DAYS),
            Map.entry("poll-votes", "Poll votes: " + SESSION_90_DAYS),
            Map.entry("raised-hands", "Raised hands: " + SESSION_90_DAYS),
            Map.entry("recordings", "Recordings in which you published: until the organiser deletes them."),
            Map.entry("subject-requests", "Your address: until the request is closed (an export stays downloadable for a few "
                    + "days, then it and the address are deleted); the request itself, under a keyed hash, 2 years."),
            Map.entry("audit-entries", "2 years (the audit log names you only by a keyed hash)."),
            Map.entry("transfers", "2 years (the transfer log)."));

    private RetentionDefaults() {
    }

    /** The retention text of one category; a category added later without a text says so honestly. */
    public static String of(String category) {
        return RETENTION.getOrDefault(category, "As long as the organiser's retention rules for this category say; ask the "
                + "organiser (no default is recorded for this category yet).");
    }
}
