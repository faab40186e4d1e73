package eu.plenum.shared;

import java.util.List;

/** Input that breaks a rule Bean Validation cannot express; carries the offending fields. */
public class InvalidInputException extends PlenumException {

    private final List<FieldError> fieldErrors;

    public InvalidInputException(String detail, List<FieldError> fieldErrors) {
        super("invalid-input", detail);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException("The request has invalid fields.", List.of(new FieldError(field, message)));
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
