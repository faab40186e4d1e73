package eu.plenum.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that people type (titles, descriptions, questions, reasons) holds no control character but tab and line
 * breaks: PostgreSQL cannot store NUL at all, and the others garble pages, CSV exports, mails and calendars. The
 * one rule for every such text, whether it arrives in a JSON body, a form or a live-room frame.
 */
@Documented
@Constraint(validatedBy = FreeText.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check itself, for texts that Bean Validation does not see (live-room frames). */
    final class Check implements ConstraintValidator<FreeText, CharSequence> {

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            return allows(text);
        }

        /** Whether {@code text} (null counts as allowed: absence is other constraints' business) is free of control characters. */
        public static boolean allows(CharSequence text) {
            if (text == null) {
                return true;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                    return false;
                }
            }
            return true;
        }
    }
}
