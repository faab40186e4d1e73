package eu.plenum.compliance.retention;

import java.util.Map;
import java.util.Optional;

/**
 * The Art. 15 summary's retention sentence of each exported category, worded around the tenant's
 * retention rules ({@link RetentionRules#forTenant}) so that the summary states the periods the job
 * enforces — one source for the days: {@link RetentionDefaults} and the tenant's overrides.
 */
public final class RetentionTexts {

    public static final String BACKUPS = "Erased data can survive in database backups until the oldest backup that holds it "
            + "expires; erasures are re-applied on restore, before the restored data serves anyone.";

    private RetentionTexts() {
    }

    /** The sentence for an exported category under the tenant's {@code rules}; a category without a text says so honestly. */
    public static String of(String category, Map<String, Optional<Integer>> rules) {
        return switch (category) {
            case "registrations" -> "Unconfirmed registrations: " + period(rules, RetentionDefaults.UNCONFIRMED_REGISTRATIONS)
                    + " after registering. Confirmed registrations: as long as the organiser keeps the webinar, or until erased.";
            case "registration-answers" -> "With the registration they belong to.";
            case "consent-records" -> "With the registration they belong to, as proof of what was consented to (withdrawn ones too).";
            case "attendee-sessions" -> capitalised(period(rules, RetentionDefaults.ATTENDANCE)) + " after the session (attendance).";
            case "attendance" -> capitalised(period(rules, RetentionDefaults.ATTENDANCE)) + " after the session.";
            case "mails" -> "Bodies of sent mails: within " + period(rules, RetentionDefaults.SENT_MAIL_BODIES)
                    + " after delivery; the delivery record with the registration.";
            case "webhook-deliveries" -> capitalised(period(rules, RetentionDefaults.TRANSFER_LOG))
                    + ", like the transfer log: each delivery is a transfer to the organiser's systems.";
            case "live-events" -> "Chat and other live events: " + afterSession(rules, RetentionDefaults.LIVE_EVENTS);
            case "questions" -> "Questions (Q&A): " + afterSession(rules, RetentionDefaults.QUESTIONS);
            case "question-upvotes" -> "Upvotes of questions: " + afterSession(rules, RetentionDefaults.QUESTIONS);
            case "poll-votes" -> "Poll votes: " + afterSession(rules, RetentionDefaults.POLL_VOTES);
            case "raised-hands" -> "Raised hands: " + afterSession(rules, RetentionDefaults.RAISED_HANDS);
            case "recordings" -> days(rules, RetentionDefaults.RECORDINGS)
                    .map(days -> "Recordings in which you published: " + period(days) + " after recording, or earlier when the "
                            + "organiser deletes them.")
                    .orElse("Recordings in which you published: until the organiser deletes them.");
            case "subject-requests" -> "Your address: until the request is closed (an export stays downloadable for a few "
                    + "days, then it and the address are deleted); the request itself, under a keyed hash, 2 years.";
            case "audit-entries" -> capitalised(period(rules, RetentionDefaults.AUDIT_LOG))
                    + " (the audit log names you only by a keyed hash).";
            case "transfers" -> capitalised(period(rules, RetentionDefaults.TRANSFER_LOG)) + " (the transfer log).";
            default -> "As long as the organiser's retention rules for this category say; ask the organiser (no default is "
                    + "recorded for this category yet).";
        };
    }

    private static String afterSession(Map<String, Optional<Integer>> rules, String category) {
        return days(rules, category).map(days -> period(days) + " after the session it belongs to.").orElse("until deleted.");
    }

    private static Optional<Integer> days(Map<String, Optional<Integer>> rules, String category) {
        return rules.containsKey(category) ? rules.get(category) : RetentionDefaults.of(category);
    }

    private static String period(Map<String, Optional<Integer>> rules, String category) {
        return days(rules, category).map(RetentionTexts::period).orElse("until deleted");
    }

    /** 365 → "1 year", 730 → "2 years", 1 → "1 day", 90 → "90 days". */
    static String period(int days) {
        if (days > 0 && days % 365 == 0) {
            int years = days / 365;
            return years + (years == 1 ? " year" : " years");
        }
        return days + (days == 1 ? " day" : " days");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
