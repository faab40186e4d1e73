package eu.plenum.scheduling.web;

import static eu.plenum.testsupport.fuzz.FuzzInput.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.plenum.scheduling.QuestionKind;
import eu.plenum.scheduling.RegistrationForm;
import eu.plenum.scheduling.WebinarView;
import eu.plenum.shared.PlenumException;
import eu.plenum.shared.web.FormBodies;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Fuzz target (Jazzer) for the two public registration bodies: the page's form (decoded by {@link FormBodies}, the form
 * reader, then read into a RegistrationForm as RegistrationPages does) and the API's JSON (Jackson configured as
 * Quarkus configures it). Either the body is refused with a declared exception (unreadable JSON, malformed form
 * encoding) or it is a form whose constraint violations decide; a form without violations keeps every limit.
 */
public final class RegistrationBodyFuzzTarget {

    /** Quarkus's ObjectMapper: modules found on the class path, unknown properties ignored, ISO dates (no quarkus.jackson keys are set). */
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private static final WebinarView WEBINAR = new WebinarView(UUID.randomUUID(), "t", null, List.of(), "en", "UTC", null, 60, null, null,
            null, 10, null, null, "SCHEDULED", 0, List.of(), List.of(), List.of(
                    new WebinarView.QuestionView(UUID.randomUUID(), QuestionKind.TEXT, "q1", true, List.of()),
                    new WebinarView.QuestionView(UUID.randomUUID(), QuestionKind.MULTIPLE_CHOICE, "q2", false, List.of("a", "b"))));

    private RegistrationBodyFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] input) {
        RegistrationForm form = (input.length > 0 && input[0] == '{') ? json(input) : form(input);
        if (form == null) {
            return;
        }
        Set<ConstraintViolation<RegistrationForm>> violations = VALIDATOR.validate(form);
        if (violations.isEmpty()) {
            check(!form.name().isBlank() && form.name().length() <= 200, "name over its limit");
            check(form.name().codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL), "control character in name");
            check(form.email().length() <= 254 && form.email().indexOf('@') > 0, "email");
            check(form.answers() == null || form.answers().size() <= 20, "too many answers");
            check(form.answers() == null || form.answers().values().stream().allMatch(a -> a == null || a.length() <= 2000), "answer too long");
        }
    }

    private static RegistrationForm json(byte[] input) {
        try {
            return JSON.readValue(input, RegistrationForm.class);
        } catch (JsonProcessingException unreadable) {
            return null; // ProblemMappers answers 400
        } catch (java.io.CharConversionException notUnicode) {
            return null; // Jackson's encoding detection refuses bytes that are no Unicode; ProblemMappers answers 400
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static RegistrationForm form(byte[] input) {
        MultivaluedMap<String, String> posted;
        try {
            posted = FormBodies.parse(input);
        } catch (PlenumException malformed) {
            check(malformed.status() == 400, "a malformed form is a 400");
            return null; // a pair without a name, a bad %-escape, not UTF-8: refused before the resource
        }
        RegistrationForm form = RegistrationPages.read(WEBINAR, posted);
        check(form.answers().size() <= WEBINAR.questions().size(), "answers to questions not asked");
        return form;
    }
}
