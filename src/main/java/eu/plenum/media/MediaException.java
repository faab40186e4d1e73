package eu.plenum.media;

import eu.plenum.shared.PlenumException;

/** A refusal of the media context with its HTTP status (WHIP clients act on the exact code). */
public class MediaException extends PlenumException {

    private final int status;

    public MediaException(int status, String problemType, String detail) {
        super(problemType, detail);
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
