package eu.plenum.shared;

/** The named resource does not exist, or exists in a tenant the caller cannot see. */
public class NotFoundException extends PlenumException {

    public NotFoundException(String detail) {
        super("not-found", detail);
    }

    @Override
    public int status() {
        return 404;
    }
}
