package eu.plenum.scheduling;

import eu.plenum.shared.FreeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A webinar as the host enters it (API body and page form alike): plain values, checked by Bean
 * Validation for shape and by {@link WebinarPlanRules} for meaning.
 *
 * @param start wall-clock start in {@code timeZone}, ISO {@code 2026-12-01T10:00}
 */
public record WebinarForm(
        @NotBlank @Size(max = 200) @FreeText String title,
        @Size(max = 10000) @FreeText String description,
        @Size(max = 10) List<@NotBlank @Size(max = 90) @FreeText String> speakers,
        @NotBlank @Size(max = 12) String language,
        @NotBlank @Size(max = 64) String timeZone,
        @NotBlank @Size(max = 30) String start,
        @NotNull @Min(5) @Max(1440) Integer durationMinutes,
        @Size(max = 8) String recurrence,
        @Min(1) @Max(100) Integer recurrenceCount,
        @Size(max = 10) String recurrenceUntil,
        @NotNull @Min(1) @Max(100000) Integer capacity,
        @Size(max = 8) String registrationMode,
        @Size(max = 16) String recordingPolicy,
        @Size(max = 20) List<@NotNull @Valid QuestionForm> questions,
        @Size(max = 5) List<@NotNull @Min(5) @Max(10080) Integer> reminderMinutes) {

    /** A custom question as entered. */
    public record QuestionForm(
            @NotBlank @Size(max = 16) String kind,
            @NotBlank @Size(max = 300) @FreeText String label,
            boolean required,
            @Size(max = 20) List<@NotBlank @Size(max = 140) @FreeText String> choices) {
    }
}
