package eu.plenum.media;

import eu.plenum.shared.PlenumException;

/** A refusal of the media context with its HTTP status (WHIP clients act on the exact code). */
public class MediaException extends PlenumException {

    private final int status;
    private final int retryAfter;

    public MediaException(int status, String problemType, String detail) {
        this(status, problemType, detail, -1);
    }

    /** A refusal that may succeed when repeated after {@code retryAfterSeconds} (503 capacity, 409 not live yet). */
    public MediaException(int status, String problemType, String detail, int retryAfterSeconds) {
        super(problemType, detail);
        this.status = status;
        this.retryAfter = retryAfterSeconds;
    }

    @Override
    public java.util.OptionalInt retryAfterSeconds() {
        return retryAfter < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(retryAfter);
    }

    @Override
    public int status() {
        return status;
    }
}
