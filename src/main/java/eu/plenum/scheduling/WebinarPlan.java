package eu.plenum.scheduling;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** Everything a host decides about a webinar, already parsed; validated by {@code WebinarPlanRules}. */
public record WebinarPlan(
        String title,
        String description,
        List<String> speakers,
        String language,
        ZoneId zone,
        LocalDateTime startLocal,
        Duration duration,
        Recurrence recurrence,
        Integer recurrenceCount,
        LocalDate recurrenceUntil,
        int capacity,
        RegistrationMode registrationMode,
        RecordingPolicy recordingPolicy,
        List<Question> questions,
        List<Integer> reminderMinutes) {

    /** A custom registration question. */
    public record Question(QuestionKind kind, String label, boolean required, List<String> choices) {
    }
}
