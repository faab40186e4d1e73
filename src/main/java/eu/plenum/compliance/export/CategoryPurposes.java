package eu.plenum.compliance.export;

import java.util.Map;

/** Why Plenum processes each category of personal data and where it came from, as the Art. 15(1) summary states it. */
final class CategoryPurposes {

    record Purpose(String purpose, String source) {
    }

    private static final String YOU = "You, on the registration page.";
    private static final String LIVE = "You, during the live session.";

    private static final Map<String, Purpose> PURPOSES = Map.ofEntries(
            Map.entry("registrations", new Purpose("Registering you for the organiser's webinars and sending your personal join link.", YOU)),
            Map.entry("registration-answers", new Purpose("Answers the organiser asked for when you registered.", YOU)),
            Map.entry("consent-records", new Purpose("Proof of the notices you were shown and the consents you gave or withdrew.",
                    "Plenum, when you acknowledged a notice or gave or withdrew a consent.")),
            Map.entry("attendee-sessions", new Purpose("Letting you into the session and keeping your seat on your devices.",
                    "Plenum, when you entered the lobby or the session.")),
            Map.entry("attendance", new Purpose("The organiser's attendance report (when you were present).",
                    "Plenum, from your presence in the session.")),
            Map.entry("mails", new Purpose("Confirmation, join links, reminders and changes of the webinars you registered for.",
                    "Plenum, from your registration.")),
            Map.entry("webhook-deliveries", new Purpose("Passing registration events to the organiser's own systems, as the organiser configured.",
                    "Plenum, from your registration.")),
            Map.entry("live-events", new Purpose("Chat messages and other live interaction you took part in.", LIVE)),
            Map.entry("questions", new Purpose("Questions you asked in the Q&A.", LIVE)),
            Map.entry("question-upvotes", new Purpose("Questions you upvoted.", LIVE)),
            Map.entry("poll-votes", new Purpose("Your votes in polls.", LIVE)),
            Map.entry("raised-hands", new Purpose("Your raised hands (asking to speak).", LIVE)),
            Map.entry("recordings", new Purpose("Recordings of the sessions in which you published audio or video.", LIVE)),
            Map.entry("subject-requests", new Purpose("Handling your data-protection requests (this export among them).",
                    "You, or the organiser's data-protection officer on your behalf.")),
            Map.entry("audit-entries", new Purpose("Accountability: which staff acts concerned your data (Art. 5(2) GDPR).",
                    "Plenum, when staff or a job acted on your data.")));

    private CategoryPurposes() {
    }

    static Purpose of(String category) {
        return PURPOSES.getOrDefault(category, new Purpose("Providing the webinar service to the organiser.", "Plenum."));
    }
}
