package eu.plenum.shared;

/** The request contradicts the current state, e.g. a duplicate name. */
public class ConflictException extends PlenumException {

    public ConflictException(String problemType, String detail) {
        super(problemType, detail);
    }

    @Override
    public int status() {
        return 409;
    }
}
