package eu.plenum.scheduling;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * What an attendee enters on the public registration page. Answers are keyed by question id;
 * a multiple-choice answer lists its choices one per line.
 */
public record RegistrationForm(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 254) @Email @Pattern(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be an e-mail address")
        String email,
        boolean privacyAcknowledged,
        boolean recordingConsent,
        @Size(max = 20) Map<String, @Size(max = 2000) String> answers) {
}
