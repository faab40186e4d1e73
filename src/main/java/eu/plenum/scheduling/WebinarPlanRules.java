package eu.plenum.scheduling;

import eu.plenum.scheduling.domain.Schedule;
import eu.plenum.shared.InvalidInputException;
import eu.plenum.shared.PlenumException.FieldError;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns what a host entered into a {@link WebinarPlan}, or refuses it naming every wrong field:
 * unknown time zone, start in the past, a recurrence without end, choices without options.
 */
public final class WebinarPlanRules {

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    /** Zoom's and ClickMeeting's defaults: a day before and an hour before. */
    static final List<Integer> DEFAULT_REMINDERS = List.of(1440, 60);

    private WebinarPlanRules() {
    }

    public static WebinarPlan plan(WebinarForm form, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        ZoneId zone = zone(form.timeZone(), errors);
        LocalDateTime start = parse("start", form.start(), errors);
        if (zone != null && start != null && !Schedule.toInstant(start, zone).isAfter(now)) {
            errors.add(new FieldError("start", "must be in the future"));
        }
        String language = language(form.language(), errors);
        Recurrence recurrence = choice("recurrence", form.recurrence(), Recurrence.class, Recurrence.NONE, errors);
        LocalDate until = form.recurrenceUntil() == null || form.recurrenceUntil().isBlank() ? null
                : date("recurrenceUntil", form.recurrenceUntil(), errors);
        recurrenceEnd(recurrence, form.recurrenceCount(), until, start, errors);
        RegistrationMode mode = choice("registrationMode", form.registrationMode(), RegistrationMode.class,
                RegistrationMode.OPEN, errors);
        RecordingPolicy recording = choice("recordingPolicy", form.recordingPolicy(), RecordingPolicy.class,
                RecordingPolicy.OFF, errors);
        List<WebinarPlan.Question> questions = questions(form.questions(), errors);
        List<Integer> reminders = form.reminderMinutes() == null ? DEFAULT_REMINDERS : form.reminderMinutes();
        if (reminders.stream().distinct().count() != reminders.size()) {
            errors.add(new FieldError("reminderMinutes", "reminders must differ"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The webinar has invalid fields.", errors);
        }
        List<String> speakers = form.speakers() == null ? List.of() : form.speakers().stream().map(String::strip).toList();
        // Shape (nulls, ranges) is Bean Validation's job; zeros here only keep problems() from failing on it.
        return new WebinarPlan(form.title(), form.description(), speakers, language, zone, start,
                Duration.ofMinutes(form.durationMinutes() == null ? 0 : form.durationMinutes()), recurrence,
                form.recurrenceCount(), until, form.capacity() == null ? 0 : form.capacity(), mode, recording, questions, reminders);
    }

    /** The meaning errors of a form, for pages that show them together with its shape errors. */
    public static List<FieldError> problems(WebinarForm form, Instant now) {
        try {
            plan(form, now);
            return List.of();
        } catch (InvalidInputException invalid) {
            return invalid.fieldErrors();
        }
    }

    private static void recurrenceEnd(Recurrence recurrence, Integer count, LocalDate until, LocalDateTime start,
            List<FieldError> errors) {
        if (recurrence == null || recurrence == Recurrence.NONE) {
            return;
        }
        if ((count == null) == (until == null)) {
            errors.add(new FieldError("recurrenceCount", "give either a number of sessions or an end date"));
        } else if (until != null && start != null) {
            if (until.isBefore(start.toLocalDate())) {
                errors.add(new FieldError("recurrenceUntil", "must not be before the first session"));
            } else if (new Schedule(start, ZoneId.of("UTC"), Duration.ofMinutes(5), recurrence, null, until)
                    .requestedOccurrences() > Schedule.MAX_OCCURRENCES) {
                errors.add(new FieldError("recurrenceUntil", "gives more than " + Schedule.MAX_OCCURRENCES + " sessions"));
            }
        }
    }

    private static List<WebinarPlan.Question> questions(List<WebinarForm.QuestionForm> forms, List<FieldError> errors) {
        List<WebinarPlan.Question> questions = new ArrayList<>();
        if (forms == null) {
            return questions;
        }
        for (int i = 0; i < forms.size(); i++) {
            WebinarForm.QuestionForm form = forms.get(i);
            QuestionKind kind = choice("questions[" + i + "].kind", form.kind(), QuestionKind.class, null, errors);
            List<String> choices = form.choices() == null ? List.of() : form.choices().stream().map(String::strip).toList();
            if (kind == QuestionKind.TEXT && !choices.isEmpty()) {
                errors.add(new FieldError("questions[" + i + "].choices", "text questions have no choices"));
            }
            if (kind != null && kind != QuestionKind.TEXT && choices.size() < 2) {
                errors.add(new FieldError("questions[" + i + "].choices", "give at least two choices"));
            }
            if (choices.stream().distinct().count() != choices.size()) {
                errors.add(new FieldError("questions[" + i + "].choices", "choices must differ"));
            }
            questions.add(new WebinarPlan.Question(kind, form.label(), form.required(), choices));
        }
        return questions;
    }

    private static ZoneId zone(String id, List<FieldError> errors) {
        try {
            if (id == null || !ZoneId.getAvailableZoneIds().contains(id)) {
                throw new DateTimeException(id);
            }
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "unknown time zone; use an IANA name such as Europe/Berlin"));
            return null;
        }
    }

    private static String language(String tag, List<FieldError> errors) {
        String primary = tag == null ? "" : Locale.forLanguageTag(tag).getLanguage();
        if (!LANGUAGES.contains(primary)) {
            errors.add(new FieldError("language", "unknown language; use a code such as en or de"));
            return null;
        }
        return Locale.forLanguageTag(tag).toLanguageTag();
    }

    private static LocalDateTime parse(String field, String text, List<FieldError> errors) {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            errors.add(new FieldError(field, "use the form 2026-12-01T10:00"));
            return null;
        }
    }

    private static LocalDate date(String field, String text, List<FieldError> errors) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "use the form 2026-12-31"));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(String field, String text, Class<E> type, E fallback, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            if (fallback == null) {
                errors.add(new FieldError(field, "is required"));
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            errors.add(new FieldError(field, "must be one of " + String.join(", ", allowed)));
            return fallback;
        }
    }
}
