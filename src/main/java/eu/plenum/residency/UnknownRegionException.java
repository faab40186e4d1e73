package eu.plenum.residency;

import eu.plenum.shared.InvalidInputException;
import java.util.List;

/** A region code that is not in the catalogue: refused, never guessed. */
public class UnknownRegionException extends InvalidInputException {

    public UnknownRegionException(String field, String code) {
        super("Unknown region code '" + code + "'.", List.of(new FieldError(field, "unknown region code '" + code + "'")));
    }
}
