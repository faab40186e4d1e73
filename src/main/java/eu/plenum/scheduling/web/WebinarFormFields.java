package eu.plenum.scheduling.web;

import eu.plenum.scheduling.WebinarForm;
import eu.plenum.scheduling.WebinarView;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML form of a webinar: reads posted fields into a {@link WebinarForm} and gives the page
 * the values to show again (as entered, or from an existing webinar). Three question slots; an
 * empty slot is no question.
 */
public final class WebinarFormFields {

    static final int QUESTION_SLOTS = 3;

    private WebinarFormFields() {
    }

    static WebinarForm read(MultivaluedMap<String, String> posted) {
        List<WebinarForm.QuestionForm> questions = new ArrayList<>();
        for (int i = 0; i < QUESTION_SLOTS; i++) {
            String label = posted.getFirst("question" + i + "Label");
            if (label != null && !label.isBlank()) {
                questions.add(new WebinarForm.QuestionForm(posted.getFirst("question" + i + "Kind"), label,
                        posted.containsKey("question" + i + "Required"), lines(posted.getFirst("question" + i + "Choices"))));
            }
        }
        return new WebinarForm(posted.getFirst("title"), posted.getFirst("description"), lines(posted.getFirst("speakers")),
                posted.getFirst("language"), posted.getFirst("timeZone"), posted.getFirst("start"),
                number(posted.getFirst("durationMinutes")), posted.getFirst("recurrence"),
                number(posted.getFirst("recurrenceCount")), emptyToNull(posted.getFirst("recurrenceUntil")),
                number(posted.getFirst("capacity")), posted.getFirst("registrationMode"), posted.getFirst("recordingPolicy"),
                questions, minutes(posted.getFirst("reminderMinutes")));
    }

    /** Values to put back into the form after a refused submit. */
    static Map<String, String> values(MultivaluedMap<String, String> posted) {
        Map<String, String> values = new HashMap<>();
        posted.forEach((key, list) -> values.put(key, list.isEmpty() ? "" : list.get(0)));
        return values;
    }

    /** Values of an existing webinar, for the edit form. */
    static Map<String, String> values(WebinarView webinar) {
        Map<String, String> values = new HashMap<>();
        values.put("title", webinar.title());
        values.put("description", webinar.description() == null ? "" : webinar.description());
        values.put("speakers", String.join("\n", webinar.speakers()));
        values.put("language", webinar.language());
        values.put("timeZone", webinar.timeZone());
        values.put("start", webinar.start().toString());
        values.put("durationMinutes", String.valueOf(webinar.durationMinutes()));
        values.put("recurrence", webinar.recurrence().name());
        values.put("recurrenceCount", webinar.recurrenceCount() == null ? "" : webinar.recurrenceCount().toString());
        values.put("recurrenceUntil", webinar.recurrenceUntil() == null ? "" : webinar.recurrenceUntil().toString());
        values.put("capacity", String.valueOf(webinar.capacity()));
        values.put("registrationMode", webinar.registrationMode().name());
        values.put("recordingPolicy", webinar.recordingPolicy().name());
        values.put("reminderMinutes", String.join(", ", webinar.reminderMinutes().stream().map(String::valueOf).toList()));
        for (int i = 0; i < webinar.questions().size() && i < QUESTION_SLOTS; i++) {
            WebinarView.QuestionView question = webinar.questions().get(i);
            values.put("question" + i + "Kind", question.kind().name());
            values.put("question" + i + "Label", question.label());
            values.put("question" + i + "Required", question.required() ? "on" : "");
            values.put("question" + i + "Choices", String.join("\n", question.choices()));
        }
        return values;
    }

    /** Defaults of a new webinar. */
    static Map<String, String> defaults(String timeZone) {
        Map<String, String> values = new HashMap<>();
        values.put("language", "en");
        values.put("timeZone", timeZone);
        values.put("durationMinutes", "60");
        values.put("recurrence", "NONE");
        values.put("capacity", "100");
        values.put("registrationMode", "OPEN");
        values.put("recordingPolicy", "OFF");
        values.put("reminderMinutes", "1440, 60");
        return values;
    }

    private static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** "1440, 60" → [1440, 60]; empty → the defaults; garbage → -1, which validation refuses. */
    private static List<Integer> minutes(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(part -> !part.isEmpty()).map(WebinarFormFields::number).toList();
    }

    private static Integer number(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
