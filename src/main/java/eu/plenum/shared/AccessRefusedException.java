package eu.plenum.shared;

/** The caller is known but may not do this. */
public class AccessRefusedException extends PlenumException {

    public AccessRefusedException(String problemType, String detail) {
        super(problemType, detail);
    }

    @Override
    public int status() {
        return 403;
    }
}
