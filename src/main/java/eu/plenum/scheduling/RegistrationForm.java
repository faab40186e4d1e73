package eu.plenum.scheduling;

import eu.plenum.shared.FreeText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * What an attendee enters on the public registration page. Answers are keyed by question id;
 * a multiple-choice answer lists its choices one per line. The name is a single line with no
 * control (or bidirectional override) characters.
 */
public record RegistrationForm(
        // One line of printable text: names reach mail bodies and iCalendar parameters.
        @NotBlank @Size(max = 200)
        @Pattern(regexp = "[^\\p{Cc}\\p{Zl}\\p{Zp}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]*",
                message = "must be one line without control characters")
        String name,
        @NotBlank @Size(max = 254) @Email @Pattern(regexp = "^[^@\\s\\p{Cc}]+@[^@\\s\\p{Cc}]+\\.[^@\\s\\p{Cc}]+$", message = "must be an e-mail address")
        String email,
        boolean privacyAcknowledged,
        boolean recordingConsent,
        @Size(max = 20) Map<String, @Size(max = 2000) @FreeText String> answers) {
}
