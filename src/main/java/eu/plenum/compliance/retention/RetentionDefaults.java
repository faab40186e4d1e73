package eu.plenum.compliance.retention;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The retention period of each category when a tenant set none, and the floors below which no tenant
 * may go (the transfer log is evidence for the supervisory authority and stays two years); a category
 * the code does not know here is kept until deleted, so a new one never loses data by surprise.
 */
public final class RetentionDefaults {

    public static final String UNCONFIRMED_REGISTRATIONS = "unconfirmed-registrations";
    public static final String SENT_MAIL_BODIES = "sent-mail-bodies";
    public static final String LIVE_EVENTS = "live-events";
    public static final String QUESTIONS = "questions";
    public static final String POLL_VOTES = "poll-votes";
    public static final String RAISED_HANDS = "raised-hands";
    public static final String ATTENDANCE = "attendance";
    public static final String RECORDINGS = "recordings";
    public static final String TRANSFER_LOG = "transfer-log";
    public static final String AUDIT_LOG = "audit-log";

    /** Default days per category; empty: kept until deleted. In the order pages list them. */
    static final Map<String, Optional<Integer>> DAYS = ordered();

    /** The least a tenant may set; the trigger of V044 refuses to delete transfer-log rows younger than this. */
    static final Map<String, Integer> FLOOR = Map.of(TRANSFER_LOG, 730, AUDIT_LOG, 730);

    private RetentionDefaults() {
    }

    private static Map<String, Optional<Integer>> ordered() {
        Map<String, Optional<Integer>> days = new LinkedHashMap<>();
        days.put(UNCONFIRMED_REGISTRATIONS, Optional.of(7));
        days.put(SENT_MAIL_BODIES, Optional.of(1));
        days.put(LIVE_EVENTS, Optional.of(90));
        days.put(QUESTIONS, Optional.of(90));
        days.put(POLL_VOTES, Optional.of(90));
        days.put(RAISED_HANDS, Optional.of(90));
        days.put(ATTENDANCE, Optional.of(365));
        days.put(RECORDINGS, Optional.empty());
        days.put(TRANSFER_LOG, Optional.of(730));
        days.put(AUDIT_LOG, Optional.of(730));
        return java.util.Collections.unmodifiableMap(days);
    }

    public static Optional<Integer> of(String category) {
        return DAYS.getOrDefault(category, Optional.empty());
    }

    public static int floor(String category) {
        return FLOOR.getOrDefault(category, 0);
    }
}
